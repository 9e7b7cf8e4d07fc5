# The `if __name__ == "__main__"` idiom, functions defined before use, module-level flow.
def helper(n):
    return [i * i for i in range(n)]
def main(argv_len):
    print("main called", helper(4), argv_len >= 1)
    return 0
if __name__ == "__main__":
    import sys
    status = main(len(sys.argv))
    print("status", status)
else:
    print("imported, not run")
