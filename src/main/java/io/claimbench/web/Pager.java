package io.claimbench.web;

/** Where a paged list is: page numbers from 0, {@code number} from 1 for people. */
public record Pager(int page, int pages) {

    public int number() {
        return page + 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }

    public int previous() {
        return Math.max(0, page - 1);
    }

    public int next() {
        return page + 1;
    }
}
