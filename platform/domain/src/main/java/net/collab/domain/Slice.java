package net.collab.domain;

import java.util.List;

/** One page of a query's results, and how many there are in all; the API wraps it in its own page. */
public record Slice<T>(List<T> items, long total) {

    public Slice {
        items = List.copyOf(items);
    }

    public <R> Slice<R> map(java.util.function.Function<? super T, ? extends R> mapping) {
        return new Slice<>(items.stream().<R>map(mapping).toList(), total);
    }
}
