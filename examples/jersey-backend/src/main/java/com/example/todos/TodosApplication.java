package com.example.todos;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The backend: Jersey serves it below {@code /backend} in the same WAR as the gateway, which serves the stage paths
 * ({@code /dev/...}) and calls it over the container's own HTTPS connector.
 */
@ApplicationPath("/backend")
public class TodosApplication extends Application {
}
