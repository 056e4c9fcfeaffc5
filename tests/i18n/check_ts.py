#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Checks a Qt Linguist .ts file: every message translated, placeholders, shortcut markers and
HTML tags kept, no obsolete or vanished entry; with --lupdate, also that the file is up to date
with the sources (lupdate run into a temporary copy must neither add nor drop a message).

Usage:
  check_ts.py selftest
  check_ts.py complete <file.ts>
  check_ts.py uptodate <file.ts> --lupdate <lupdate> --cmake <cmake>
                       --generator <GenerateLUpdateProject.cmake>
                       --project <Project_lupdate_project.cmake>

Each problem is one line on stderr; exit 1 when there is any, 0 otherwise.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# %1..%99 with an optional L (locale-aware), and %n for plurals.
PLACEHOLDER = re.compile(r"%L?(?:[1-9][0-9]?|n)")
# One '&' marks the shortcut letter; '&&' is a literal ampersand, '&name;' an HTML entity.
ENTITY = re.compile(r"&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")
# Only real HTML tags: '<command>' in a command line's help is a placeholder name, translatable.
TAG = re.compile(r"</?(a|b|i|u|p|br|hr|h[1-6]|table|thead|tbody|tr|td|th|ul|ol|li|span|div|em|"
                 r"strong|code|pre|tt|small|big|font|img|nobr|qt|html|body|sup|sub)\b[^<>]*>",
                 re.IGNORECASE)
# Swedish has two plural forms (one, other).
SWEDISH_PLURAL_FORMS = 2


def shortcut_markers(text):
    text = ENTITY.sub("", text).replace("&&", "")
    return len(re.findall(r"&(?=\S)", text))


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def tags(text):
    return sorted(match.group(0).split()[0].rstrip(">").lower() for match in TAG.finditer(text))


def message_key(context_name, message):
    source = message.findtext("source") or ""
    comment = message.findtext("comment") or ""
    return (context_name, source, comment, message.get("numerus") == "yes")


def describe(key):
    context_name, source, comment, _ = key
    shown = source if len(source) <= 70 else source[:67] + "..."
    suffix = f" [{comment}]" if comment else ""
    return f"{context_name}: {shown!r}{suffix}"


def read_messages(path):
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise SystemExit(f"{path}: cannot read: {error}")
    if root.tag != "TS":
        raise SystemExit(f"{path}: not a .ts file (root element <{root.tag}>)")
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def translation_forms(key, translation):
    """The translated texts: one per plural form when numerus, else one."""
    if key[3]:
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


def check_message(key, message):
    problems = []
    translation = message.find("translation")
    if translation is None:
        return [f"{describe(key)}: no <translation>"]
    kind = translation.get("type")
    if kind in ("obsolete", "vanished"):
        return [f"{describe(key)}: {kind} entry (run the lupdate target with -no-obsolete)"]
    if kind == "unfinished":
        problems.append(f"{describe(key)}: unfinished")
    forms = translation_forms(key, translation)
    if key[3] and len(forms) != SWEDISH_PLURAL_FORMS:
        problems.append(f"{describe(key)}: {len(forms)} plural forms, Swedish needs "
                        f"{SWEDISH_PLURAL_FORMS}")
    source = key[1]
    for index, text in enumerate(forms):
        where = f"{describe(key)}" + (f" (plural form {index})" if key[3] else "")
        if not text.strip():
            problems.append(f"{where}: empty translation")
            continue
        expected, found = placeholders(source), placeholders(text)
        if expected != found:
            problems.append(f"{where}: placeholders {expected} in the source, {found} in the "
                            f"translation: {text!r}")
        if shortcut_markers(source) != shortcut_markers(text):
            problems.append(f"{where}: {shortcut_markers(source)} shortcut marker(s) in the "
                            f"source, {shortcut_markers(text)} in the translation: {text!r}")
        if tags(source) != tags(text):
            problems.append(f"{where}: HTML tags {tags(source)} in the source, {tags(text)} in "
                            f"the translation")
    return problems


def check_complete(path):
    problems = []
    seen = set()
    count = 0
    for context_name, message in read_messages(path):
        key = message_key(context_name, message)
        if key in seen:
            problems.append(f"{describe(key)}: duplicate entry")
        seen.add(key)
        count += 1
        problems.extend(check_message(key, message))
    if count == 0:
        problems.append(f"{path}: no message at all (run the lupdate target)")
    return problems, count


def current_keys(path):
    return {message_key(name, message) for name, message in read_messages(path)
            if (message.find("translation") is None
                or message.find("translation").get("type") not in ("obsolete", "vanished"))}


def check_up_to_date(path, lupdate, cmake, generator, project):
    for tool, label in ((lupdate, "lupdate"), (cmake, "cmake")):
        if not tool or not os.access(tool, os.X_OK):
            return [f"{label} not found ({tool!r}): install the Qt 6 Linguist tools "
                    f"(qt6-l10n-tools) and configure again"], 0
    if not os.path.isfile(project):
        return [f"{project}: no lupdate project (configure the build again)"], 0
    with tempfile.TemporaryDirectory(prefix="rc-i18n-") as work:
        copy = os.path.join(work, os.path.basename(path))
        shutil.copyfile(path, copy)
        # The build's own project (same targets, sources, include paths), aimed at the copy.
        wrapper = os.path.join(work, "project.cmake")
        with open(wrapper, "w", encoding="utf-8") as out:
            out.write(f'include("{project}")\nset(lupdate_translations "{copy}")\n')
        json_project = os.path.join(work, "project.json")
        subprocess.run([cmake, f"-DIN_FILE={wrapper}", f"-DOUT_FILE={json_project}", "-P",
                        generator], check=True)
        result = subprocess.run([lupdate, "-project", json_project, "-no-obsolete", "-silent"],
                                capture_output=True, text=True)
        if result.returncode != 0:
            return [f"lupdate failed ({result.returncode}): {result.stderr.strip()}"], 0
        committed, updated = current_keys(path), current_keys(copy)
    problems = [f"{describe(key)}: in the sources but not in {os.path.basename(path)} "
                f"(run the lupdate target and translate it)" for key in sorted(updated - committed)]
    problems += [f"{describe(key)}: in {os.path.basename(path)} but no longer in the sources "
                 f"(run the lupdate target)" for key in sorted(committed - updated)]
    return problems, len(updated)


SELFTEST_CASES = [
    # (name, source, translation XML inside <message>, numerus, expected problem or None)
    ("good", "&Open %1…", "<translation>&amp;Öppna %1…</translation>", False, None),
    ("good plural", "%n run(s)",
     "<translation><numerusform>%n körning</numerusform><numerusform>%n körningar</numerusform>"
     "</translation>", True, None),
    ("good html", "<b>%1</b> &amp; more", "<translation>&lt;b&gt;%1&lt;/b&gt; &amp;amp; mer"
     "</translation>", False, None),
    ("good literal ampersand", "A && B", "<translation>A &amp;&amp; B</translation>", False, None),
    ("untranslated", "Open", "<translation type=\"unfinished\"></translation>", False,
     "unfinished"),
    ("empty", "Open", "<translation></translation>", False, "empty translation"),
    ("missing", "Open", "", False, "no <translation>"),
    ("dropped placeholder", "Open %1 in %2", "<translation>Öppna %1</translation>", False,
     "placeholders"),
    ("added placeholder", "Open %1", "<translation>Öppna %1 %1</translation>", False,
     "placeholders"),
    ("locale placeholder changed", "%L1 bytes", "<translation>%1 byte</translation>", False,
     "placeholders"),
    ("dropped shortcut", "&Open", "<translation>Öppna</translation>", False, "shortcut"),
    ("added shortcut", "Open", "<translation>&amp;Öppna</translation>", False, "shortcut"),
    ("two shortcuts", "&Open", "<translation>&amp;Öpp&amp;na</translation>", False, "shortcut"),
    ("dropped tag", "<b>Open</b>", "<translation>Öppna</translation>", False, "HTML tags"),
    ("obsolete", "Open", "<translation type=\"obsolete\">Öppna</translation>", False,
     "obsolete"),
    ("vanished", "Open", "<translation type=\"vanished\">Öppna</translation>", False,
     "vanished"),
    ("one plural form", "%n run(s)",
     "<translation><numerusform>%n körningar</numerusform></translation>", True, "plural forms"),
    ("plural without %n", "%n run(s)",
     "<translation><numerusform>en körning</numerusform><numerusform>%n körningar"
     "</numerusform></translation>", True, "placeholders"),
]


def selftest():
    """The checker itself: each defect is found, a correct entry passes."""
    failures = []
    for name, source, translation, numerus, expected in SELFTEST_CASES:
        numerus_attribute = ' numerus="yes"' if numerus else ""
        escaped = source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        message = ET.fromstring(f"<message{numerus_attribute}><source>{escaped}</source>"
                                f"{translation}</message>")
        problems = check_message(message_key("Selftest", message), message)
        if expected is None and problems:
            failures.append(f"selftest {name!r}: expected no problem, got {problems}")
        elif expected is not None and not any(expected in problem for problem in problems):
            failures.append(f"selftest {name!r}: expected a problem about {expected!r}, got "
                            f"{problems}")
    return failures, len(SELFTEST_CASES)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("complete", "uptodate", "selftest"))
    parser.add_argument("ts", nargs="?")
    parser.add_argument("--lupdate")
    parser.add_argument("--cmake")
    parser.add_argument("--generator")
    parser.add_argument("--project")
    args = parser.parse_args()
    if args.mode == "selftest":
        problems, count = selftest()
    elif not args.ts:
        parser.error("a .ts file is needed")
    elif args.mode == "complete":
        problems, count = check_complete(args.ts)
    else:
        problems, count = check_up_to_date(args.ts, args.lupdate, args.cmake, args.generator,
                                           args.project)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {args.ts or 'the checker'}", file=sys.stderr)
        return 1
    print(f"{count} {'cases' if args.mode == 'selftest' else 'messages'} checked ({args.mode}): "
          "no problem")
    return 0


if __name__ == "__main__":
    sys.exit(main())
