import gzip, json, os, sys
from common import *
import templates1, templates2, templates3, templates4
from articles_en import ARTICLES as EN
from articles_ms import ARTICLES as MS
from articles_id import ARTICLES as ID
from articles_vi import ARTICLES as VI
from articles_th import ARTICLES as TH
from articles_other import ARTICLES as OTHER

ALL = EN + MS + ID + VI + TH + OTHER
TEMPLATES = {}
for mod in (templates1, templates2, templates3, templates4):
    for k, v in vars(mod).items():
        if callable(v) and not k.startswith("_"):
            TEMPLATES.setdefault(k, v)

def expected_json(a):
    published = a.get("published") or a.get("url_date")
    # The Yoast graph of tagDiv pages states dateModified even when the post was never edited.
    updated = a.get("modified") or (published if a["template"] == "tagdiv" else None)
    canonical = None if a["template"] == "br_portal" else a.get("canonical", a["url"])
    d = {"url": a["url"], "title": a["title"], "author": author_text(a) or a.get("trailing_author"),
         "published": published, "updated": updated, "lang": a["lang"],
         "canonicalUrl": canonical, "leadImage": a.get("image"), "partial": bool(a.get("partial"))}
    return d

def main(out):
    os.makedirs(out, exist_ok=True)
    names = set()
    for a in ALL:
        assert a["name"] not in names, a["name"]
        names.add(a["name"])
        ctx = Context(a, ALL)
        page = TEMPLATES[a["template"]](ctx)
        base = os.path.join(out, a["name"])
        if a.get("gzip"):
            with gzip.GzipFile(base + ".html.gz", "wb", mtime=0) as f:
                f.write(page.encode("utf-8"))
        else:
            with open(base + ".html", "w", encoding="utf-8") as f:
                f.write(page)
        with open(base + ".expected.txt", "w", encoding="utf-8") as f:
            f.write("\n\n".join(expected_paragraphs(a)) + "\n")
        with open(base + ".expected.json", "w", encoding="utf-8") as f:
            json.dump(expected_json(a), f, ensure_ascii=False, indent=2)
            f.write("\n")
        print(f"{a['name']:55s} {a['lang']:4s} {len(page.encode('utf-8')):7d}")

if __name__ == "__main__":
    main(sys.argv[1])
