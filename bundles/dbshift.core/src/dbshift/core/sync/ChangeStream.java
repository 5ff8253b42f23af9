package dbshift.core.sync;

import java.util.concurrent.TimeUnit;

/** A live feed of changes from the source, from a position on. */
public interface ChangeStream extends AutoCloseable {

    /** The next event, or null when none arrives within the timeout. Throws when the stream broke. */
    ChangeEvent poll(long timeout, TimeUnit unit) throws InterruptedException;

    @Override
    void close();
}
