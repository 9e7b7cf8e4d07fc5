# Parsing text: key=value configs, CSV-ish splitting, number extraction, templating.
config = """
# comment
name = krait
version=0.1
debug = true
  path = /usr/lib : /opt/lib
empty =
"""
settings = {}
for raw in config.splitlines():
    line = raw.strip()
    if not line or line.startswith("#"):
        continue
    key, _, value = line.partition("=")
    settings[key.strip()] = value.strip()
print(settings)
print([p.strip() for p in settings["path"].split(":")], settings["debug"] == "true", float(settings["version"]))
row = 'a, "b, c", d'
fields, cur, quoted = [], "", False
for ch in row:
    if ch == '"':
        quoted = not quoted
    elif ch == "," and not quoted:
        fields.append(cur.strip()); cur = ""
    else:
        cur += ch
fields.append(cur.strip())
print(fields)
text = "Order 66 shipped 3 items at 4.50 each, total -13.5"
nums, tok = [], ""
for ch in text + " ":
    if ch.isdigit() or ch in ".-" and (ch != "." or tok):
        tok += ch
    else:
        if tok.strip("-."):
            nums.append(float(tok) if "." in tok else int(tok))
        tok = ""
print(nums)
tmpl = "Hello {name}, you have {n} new {what}"
print(tmpl.format(name="Ann", n=3, what="messages"), tmpl.replace("{", "<").replace("}", ">"))
