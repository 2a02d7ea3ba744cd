package org.innerlab.data;

import java.util.Arrays;

/**
 * Numbers the distinct snapshots it is given, 0, 1, 2, ... in order of arrival: a flat pool of
 * fixed-length {@code int} keys and an open-addressing (linear probing) hash index over it. Looking a
 * key up allocates nothing, which is what lets a planner answer a cached state on the hot path.
 */
final class SnapshotTable {
    private final int length;
    private int size;
    private int[] pool;
    /** Key id + 1 per slot, 0 = empty; at most half full. */
    private int[] slots;

    /** @param length the length of every key */
    SnapshotTable(int length) {
        this.length = length;
        clear();
    }

    /** Forgets every key. */
    void clear() {
        size = 0;
        pool = new int[64 * length];
        slots = new int[256];
    }

    /** Number of keys. */
    int size() {
        return size;
    }

    /** The id of {@code key[0..length)}, or -1 when it has none. */
    int find(int[] key) {
        int mask = slots.length - 1;
        for (int i = hash(key, 0) & mask; ; i = (i + 1) & mask) {
            int id = slots[i] - 1;
            if (id < 0) {
                return -1;
            }
            if (Arrays.equals(pool, id * length, (id + 1) * length, key, 0, length)) {
                return id;
            }
        }
    }

    /** Gives {@code key} (not yet in the table) the next id, {@link #size()} before the call, and returns it. */
    int add(int[] key) {
        int id = size++;
        if (size * length > pool.length) {
            pool = Arrays.copyOf(pool, pool.length * 2);
        }
        System.arraycopy(key, 0, pool, id * length, length);
        if (2 * size > slots.length) {
            slots = new int[slots.length * 2];
            for (int k = 0; k < size; k++) {
                place(k);
            }
        } else {
            place(id);
        }
        return id;
    }

    /** Copies key {@code id} into {@code into[0..length)}. */
    void copy(int id, int[] into) {
        System.arraycopy(pool, id * length, into, 0, length);
    }

    private void place(int id) {
        int mask = slots.length - 1;
        int i = hash(pool, id * length) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id + 1;
    }

    /** FNV-style mixing of the key's integers, with a final shift so the low bits see the high ones. */
    private int hash(int[] data, int from) {
        int h = 0x9E3779B9;
        for (int i = from; i < from + length; i++) {
            h = (h ^ data[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }
}
