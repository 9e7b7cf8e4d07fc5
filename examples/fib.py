"""A small real program: memoized Fibonacci numbers, printed as a table."""

from functools import lru_cache


@lru_cache(maxsize=None)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main() -> None:
    for n in (0, 1, 2, 10, 50, 100):
        print(f"fib({n:>3}) = {fib(n):,}")


if __name__ == "__main__":
    main()
