# Generates resources/diagrams/*.svg: python3 tools/diagrams/gen.py resources/diagrams [gil|queue|lifecycle ...]
import sys, importlib, inspect
sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
out = sys.argv[1]
names = sys.argv[2:] or ["gil", "queue", "lifecycle"]
for name in names:
    mod = importlib.import_module(name)
    variants = [("", False)]
    if "narrow" in inspect.signature(mod.build).parameters:
        variants.append(("-narrow", True))
    for suffix, narrow in variants:
        for lang in ("es", "en"):
            path = f"{out}/{name}-{lang}{suffix}.svg"
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(mod.build(lang, narrow=narrow) if narrow else mod.build(lang))
            print("wrote", path)
