package dev.turnpike.runtime.model;

/** How an HTTP integration reaches its backend: the public network or a VPC link. */
public enum ConnectionType {
    INTERNET,
    VPC_LINK
}
