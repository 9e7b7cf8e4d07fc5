# An object-oriented simulation: accounts, transactions, exceptions, reports.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__("%s cannot withdraw %d (balance %d)" % (account.owner, amount, account.balance))
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner, self.balance, self.history = owner, balance, []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))
    def __repr__(self):
        return "Account(#%d %s: %d)" % (self.id, self.owner, self.balance)
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, owner, initial=0):
        acct = Account(owner, initial)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except InsufficientFunds as e:
            print("transfer failed:", e)
            return False
        else:
            dst.deposit(amount)
            return True
        finally:
            print("transfer attempted", src.owner, "->", dst.owner, amount)
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice, bob = bank.open("alice", 100), bank.open("bob")
print(bank.transfer(alice, bob, 30), bank.transfer(bob, alice, 50), bank.transfer(bob, alice, 30))
for bad in (0, -5):
    try:
        alice.deposit(bad)
    except ValueError as e:
        print("ValueError:", e)
print(sorted(bank.accounts.values(), key=lambda a: -a.balance), bank.total(), alice.history, bob.history)
