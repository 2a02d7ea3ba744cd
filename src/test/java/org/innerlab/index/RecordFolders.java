package org.innerlab.index;

import java.nio.file.Path;

/**
 * A second process for {@link RunIndexTest}: records the run folders given after the index root, one
 * by one, as finishing runs would. Exit 0 when every one was recorded.
 */
final class RecordFolders {
    private RecordFolders() {
    }

    public static void main(String[] args) throws Exception {
        RunIndex index = RunIndex.at(Path.of(args[0]), System.err::println);
        for (int i = 1; i < args.length; i++) {
            index.record(Path.of(args[i]));
        }
    }
}
