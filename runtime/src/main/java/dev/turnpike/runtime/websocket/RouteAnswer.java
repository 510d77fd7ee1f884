package dev.turnpike.runtime.websocket;

/**
 * What a route's integration answered: a status (a {@code $connect} outside 2xx refuses the connection) and the
 * body a two-way route sends back, {@code null} for none.
 */
record RouteAnswer(int status, String body) {

    boolean success() {
        return status >= 200 && status < 300;
    }
}
