"""A small real program: word frequencies of a text, with a histogram."""

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair.
"""


class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1

    def most_common(self, n):
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def words(text):
    for raw in text.split():
        word = raw.strip(".,;:!?").lower()
        if word:
            yield word


def main():
    c = Counter()
    for w in words(TEXT):
        c.add(w)
    total = sum(c.counts.values())
    print(f"{total} words, {len(c.counts)} distinct")
    for word, n in c.most_common(8):
        print(f"{word:>8} {n:3} {'#' * n} {n / total:6.1%}")


if __name__ == "__main__":
    main()
