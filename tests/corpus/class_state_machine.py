# A state machine with classes for states, transitions table and event log.
class State:
    name = "base"
    def on(self, event, machine):
        return None
    def __repr__(self): return self.name
class Idle(State):
    name = "idle"
    def on(self, event, m):
        if event == "coin":
            m.credit += 1
            return Ready()
class Ready(State):
    name = "ready"
    def on(self, event, m):
        if event == "coin":
            m.credit += 1
            return self
        if event == "push" and m.credit:
            m.credit -= 1
            m.served += 1
            return Idle() if m.credit == 0 else self
        if event == "refund":
            m.credit = 0
            return Idle()
class Machine:
    def __init__(self):
        self.state, self.credit, self.served, self.log = Idle(), 0, 0, []
    def fire(self, event):
        new = self.state.on(event, self)
        self.log.append((event, repr(self.state), repr(new or self.state)))
        if new is not None:
            self.state = new
m = Machine()
for ev in "push coin coin push refund coin push push".split():
    m.fire(ev)
print(m.log)
print(m.state, m.credit, m.served)
