# List algorithms: rotation, chunking, dedupe preserving order, transpose, running max.
def rotate(l, k):
    k %= len(l) or 1
    return l[-k:] + l[:-k]
def chunks(l, n):
    return [l[i:i + n] for i in range(0, len(l), n)]
def dedupe(l):
    seen = set()
    return [x for x in l if not (x in seen or seen.add(x))]
def running_max(l):
    out, m = [], None
    for x in l:
        m = x if m is None or x > m else m
        out.append(m)
    return out
data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(rotate(data, 3), rotate(data, -2), rotate([], 1), chunks(data, 4), dedupe(data), running_max(data))
print(list(map(list, zip(*chunks(list(range(9)), 3)))), data.count(5), sorted(set(data), reverse=True)[:3])
print([data[i] - data[i - 1] for i in range(1, len(data))], sum(data) / len(data), data[::-1][:3])
