package org.innerlab.core;

import ec.util.MersenneTwisterFast;

/**
 * Named, independent random streams derived from one master seed.
 *
 * <p>A run never shares a generator with another run or thread: every stream is a fresh
 * {@link MersenneTwisterFast} seeded from {@code (master seed, path..., purpose)} through a
 * SplitMix64 mixing chain, so the same scenario seed gives the same streams on any JVM and with any
 * thread count. A purpose is a short stable name ({@code "environment"}, {@code "init"},
 * {@code "exploration"}, {@code "eval/test"}, ...); adding a new purpose never shifts the others.
 */
public final class Seeds {
    private final long root;

    /** Streams derived from {@code masterSeed} alone. */
    public Seeds(long masterSeed) {
        this.root = mix(masterSeed ^ 0x1A2B3C4D5E6F7788L);
    }

    private Seeds(long root, boolean alreadyMixed) {
        this.root = root;
    }

    /** The streams of one run: run {@code run} of sweep point {@code point}. */
    public Seeds forRun(int point, int run) {
        return child(point).child(run);
    }

    /** A sub-family of streams, independent of this family's own streams and of other children. */
    public Seeds child(long index) {
        return new Seeds(mix(root ^ mix(index + 0x632BE59BD9B4E019L)), true);
    }

    /** The 64-bit seed of the named stream. */
    public long seed(String purpose) {
        long h = root;
        for (int i = 0; i < purpose.length(); i++) {
            h = mix(h ^ purpose.charAt(i));
        }
        return mix(h ^ purpose.length());
    }

    /** A fresh generator for the named stream; callers own it and must not share it across threads. */
    public MersenneTwisterFast stream(String purpose) {
        return generator(seed(purpose));
    }

    /**
     * A generator seeded with all 64 bits of {@code seed}: {@code new MersenneTwisterFast(long)} keeps
     * only the low 32, so it is seeded through its array initialiser instead.
     */
    public static MersenneTwisterFast generator(long seed) {
        return new MersenneTwisterFast(new int[] {(int) (seed >>> 32), (int) seed});
    }

    /** SplitMix64's finaliser: a bijective avalanche mix of 64 bits. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
