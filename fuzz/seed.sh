#!/usr/bin/env bash
# Fills corpus/<target>/ with seeds made from the repository's own agreements and term sheets.
# corpus/ is not committed; libFuzzer adds what it finds there. Needs python3; uses LibreOffice (soffice)
# and pdftotext, when installed, for a few real `pdftotext -layout` seeds.
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/{parse_markdown,import_text,redline,termsheet_draft}
cp "$root"/agreements/termsheets/*.toml corpus/termsheet_draft/
cp "$root"/agreements/examples/*.md corpus/parse_markdown/
cp "$root"/tests/fixtures/*.md corpus/parse_markdown/ 2>/dev/null || true
python3 - "$root" <<'PY'
import os, re, sys, textwrap
root = sys.argv[1]
ex = os.path.join(root, "agreements/examples")
names = sorted(n for n in os.listdir(ex) if n.endswith(".md"))
read = lambda n: open(os.path.join(ex, n), encoding="utf-8").read()

def strip_md(src):
    if src.startswith("---\n"):
        end = src.find("\n---\n", 4)
        if end != -1:
            src = src[end + 5:]
    out = []
    for line in src.split("\n"):
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"<!--.*?-->", "", line)
        line = line.replace("**", "").replace("__", "")
        line = re.sub(r"(?<!\w)\*(\S.*?)\*", r"\1", line)
        line = re.sub(r"\\(.)", r"\1", line)
        out.append(line)
    return "\n".join(out)

def first_articles(src, n):
    keep, count = [], 0
    for line in src.split("\n"):
        if re.match(r"^#{2,4} ", line) and re.search(r"(Article|Pasal|Artikel)\s", line):
            count += 1
            if count > n:
                break
        keep.append(line)
    return "\n".join(keep) + "\n"

def typeset(text, width=72, per_page=50, head="Agreement (illustrative)"):
    lines = []
    for para in text.split("\n\n"):
        if not para.strip():
            continue
        for l in para.strip("\n").split("\n"):
            indent = len(l) - len(l.lstrip())
            lines += [" " * indent + w for w in (textwrap.wrap(l.strip(), width - indent) or [""])]
        lines.append("")
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    return "\f".join(
        "\n".join([head.rjust(width), ""] + p + ["", f"Page {i} of {len(pages)}".center(width)])
        for i, p in enumerate(pages, 1)
    ) + "\f"

def write(path, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < 64 * 1024, path
    open(path, "wb").write(data)

small = {}
for n in names:
    base, src = n[:-3], read(n)
    small[n] = first_articles(src, 4)
    write(f"corpus/parse_markdown/{base}.small.md", small[n])
    for suffix, text in [("plain", strip_md(src)), ("small.plain", strip_md(small[n]))]:
        write(f"corpus/import_text/{base}.{suffix}.txt", text)
    write(f"corpus/import_text/{base}.layout.txt", typeset(strip_md(src)))
    write(f"corpus/import_text/{base}.small.layout.txt", typeset(strip_md(small[n]), per_page=30))
write("corpus/import_text/hand-script.txt",
      "AGREEMENT ON <script>alert(1)</script> WORKERS\n\nArticle 1\nPurpose\n\n"
      "1. The purpose is <b>bold</b> & [link](x) *stars*.\n   (a) a point;\n"
      "   (b) another point with hyphen-\n       ation across lines.\n\n"
      "Article 2 \u2014 Wages\nWages shall be paid monthly.\n\n" + " " * 36 + "- 2 -\n")

write("corpus/parse_markdown/hand-toml-front.md",
      '+++\ntitle = "Agreement"\nlanguage = "id"\nsectors = ["fishing"]\n[[parties]]\nname = "A"\n'
      'role = "origin"\n+++\n\n# Perjanjian\n\n## BAB I\n\n### Pasal 1\n\n1. Satu.\n   a. dua;\n'
      '      1) tiga.\n2. Lihat Pasal 2 ayat (1) huruf a.\n\n## Lampiran\n\n### Pasal 1\n\nTeks.\n')

# redline: byte 0 = options, then OLD 0xFF NEW (no 0xFF: compare OLD with itself).
pairs = [("id-my-domestic.v1.md", "id-my-domestic.v2.md"), ("id-my-domestic.v2.md", "id-my-domestic.v1.md"),
         ("id-tw-mou.en.md", "id-tw-mou.id.md")]
for i, (a, b) in enumerate(pairs):
    if a in names and b in names:
        for flags in (0, 0x0F):
            write(f"corpus/redline/pair{i}-f{flags}", bytes([flags]) + read(a).encode() + b"\xff" + read(b).encode())
            write(f"corpus/redline/small-pair{i}-f{flags}",
                  bytes([flags]) + small[a].encode() + b"\xff" + small[b].encode())
for n in names:
    write(f"corpus/redline/self-{n}", b"\x00" + read(n).encode())
    write(f"corpus/redline/small-self-{n}", b"\x08" + small[n].encode())
PY
# A few real `pdftotext -layout` renderings, when LibreOffice and poppler are installed.
if command -v soffice >/dev/null && command -v pdftotext >/dev/null; then
  tmp=$(mktemp -d)
  for f in corpus/import_text/*.small.plain.txt; do cp "$f" "$tmp/$(basename "$f" .small.plain.txt).txt"; done
  (cd "$tmp" && timeout 300 soffice --headless --convert-to pdf ./*.txt >/dev/null 2>&1) || true
  for pdf in "$tmp"/*.pdf; do
    [ -e "$pdf" ] && pdftotext -layout "$pdf" "corpus/import_text/$(basename "$pdf" .pdf).pdftotext.txt"
  done
  rm -rf "$tmp"
fi
for d in corpus/*/; do echo "$d: $(ls "$d" | wc -l) files"; done
