package dev.turnpike.runtime.cache;

/** Makes the store of each stage; closed with the gateway. */
interface Stores extends AutoCloseable {

    CacheStore forStage(String stage);

    @Override
    void close();
}
