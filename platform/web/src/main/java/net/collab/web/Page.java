package net.collab.web;

import java.util.List;
import net.collab.domain.Refusal;

/** One page of a list; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** Which page of how many items a client asks for. */
    public record Request(int page, int size) {
    }

    /**
     * Reads the {@code page} and {@code size} query parameters as given (null when absent: the
     * first page of {@link #DEFAULT_SIZE}), refusing what is not a number or out of range with a
     * 400 naming the parameter.
     */
    public static Request request(String page, String size) {
        int number = QueryParams.integer("page", page, 0);
        int length = QueryParams.integer("size", size, DEFAULT_SIZE);
        check(number, length);
        return new Request(number, length);
    }

    public static <T> Page<T> of(net.collab.domain.Slice<T> slice, Request request) {
        return of(slice, request.page(), request.size());
    }

    /** The page {@code page} of {@code size} items that a domain query answered with. */
    public static <T> Page<T> of(net.collab.domain.Slice<T> slice, int page, int size) {
        return new Page<>(slice.items(), page, size, slice.total());
    }

    /** Checks paging parameters, refusing nonsense with a clear problem. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw Refusal.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Refusal.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw Refusal.invalid("page", "is beyond the last possible page");
        }
    }
}
