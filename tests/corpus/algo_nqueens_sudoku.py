# Backtracking: N-queens counts and a small sudoku solver.
def queens(n):
    count = 0
    cols, d1, d2 = set(), set(), set()
    def place(r):
        nonlocal count
        if r == n:
            count += 1
            return
        for c in range(n):
            if c in cols or r - c in d1 or r + c in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c)
            place(r + 1)
            cols.discard(c); d1.discard(r - c); d2.discard(r + c)
    place(0)
    return count
print([queens(n) for n in range(1, 9)])
puzzle = ("530070000600195000098000060800060003400803001"
          "700020006060000280000419005000080079")
grid = [int(c) for c in puzzle]
def ok(i, v):
    r, c = divmod(i, 9)
    br, bc = r // 3 * 3, c // 3 * 3
    for k in range(9):
        if grid[r * 9 + k] == v or grid[k * 9 + c] == v:
            return False
        if grid[(br + k // 3) * 9 + bc + k % 3] == v:
            return False
    return True
def solve():
    try:
        i = grid.index(0)
    except ValueError:
        return True
    for v in range(1, 10):
        if ok(i, v):
            grid[i] = v
            if solve():
                return True
    grid[i] = 0
    return False
print(solve())
for r in range(9):
    print("".join(map(str, grid[r * 9:r * 9 + 9])))
