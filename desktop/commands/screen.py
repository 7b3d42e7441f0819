"""`relief-atlas screen --state AZ --offense possession --amount 1oz --level misdemeanor
--year 2016 [--completed yes|no|unknown] [--json] [--db PATH]`

Screens one person's situation without a window and prints the same result the screener
shows: a verdict on each relief path (likely | may | no) with the reason, the next step and
the source. Every answer may be "unknown". Nothing is written anywhere: the answers live only
in this process. Bad input prints one line to stderr and exits 2; unusable data exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop.commands import DB_HELP as DB_HELP  # it reads the reference data: --db

NAME = "screen"
HELP = ("screen one person's situation: which relief paths may apply, with reasons and "
        "next steps (nothing is saved)")
WIDTH = 88
EXIT_BAD_INPUT = 2
EXIT_BAD_DATA = 1

# Words a volunteer may type for each answer -> the screener's value ("" = don't know).
UNKNOWN_WORDS = ("unknown", "dont-know", "don't-know", "not-sure", "?")
OFFENSE_WORDS = {
    "possession": "possession", "possess": "possession",
    "sale_distribution": "sale_distribution", "sale": "sale_distribution",
    "distribution": "sale_distribution", "intent": "sale_distribution",
    "pwid": "sale_distribution", "delivery": "sale_distribution",
    "cultivation": "cultivation", "growing": "cultivation", "grow": "cultivation",
    "paraphernalia": "paraphernalia", "other": "other",
}
CHOICES: dict[str, dict[str, object]] = {
    "level": {"misdemeanor": "misdemeanor", "felony": "felony"},
    "year-of": {"offense": "offense", "arrest": "arrest", "conviction": "conviction"},
    "record": {"conviction": "conviction", "arrest": "arrest", "charge": "arrest"},
    "completed": {"yes": True, "no": False},
    "only-conviction": {"yes": True, "no": False},
    "other-charges": {"yes": True, "no": False},
}


class BadInput(Exception):
    """An answer the screener cannot read; the message is one plain line."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--state", metavar="CODE",
                        help="where the case was: a two-letter code (AZ, DC, PR), or US for "
                             "a federal case")
    parser.add_argument("--offense", metavar="KIND", default="unknown",
                        help="possession, sale (or distribution, intent), cultivation, "
                             "paraphernalia, other or unknown")
    parser.add_argument("--amount", metavar="AMOUNT", default="unknown",
                        help="with its unit: 1oz, 28 g, 0.5 lb, 3/4 oz; or unknown")
    parser.add_argument("--level", metavar="LEVEL", default="unknown",
                        help="misdemeanor, felony or unknown")
    parser.add_argument("--year", metavar="YEAR", default="unknown",
                        help="year of the offense or conviction (2016), or the exact date "
                             "(2016-03-14); or unknown")
    parser.add_argument("--year-of", metavar="EVENT", default="unknown",
                        help="what --year is the date of: offense, arrest, conviction or "
                             "unknown (not sure which)")
    parser.add_argument("--record", metavar="RECORD", default="unknown",
                        help="conviction, arrest (arrested or charged, not convicted) or unknown")
    parser.add_argument("--completed", metavar="YES_NO", default="unknown",
                        help="sentence finished, including probation or parole: yes, no or "
                             "unknown")
    parser.add_argument("--age", metavar="YEARS", default="unknown",
                        help="age at the time of the offense, or unknown")
    parser.add_argument("--only-conviction", metavar="YES_NO", default="unknown",
                        help="is this the person's only criminal conviction: yes, no or unknown")
    parser.add_argument("--other-charges", metavar="YES_NO", default="unknown",
                        help="did the case have charges not about marijuana: yes, no or unknown")
    parser.add_argument("--conviction", metavar="KEY=VALUE,...", action="append", default=[],
                        help="one conviction of the person, as the options above without "
                             "dashes, e.g. state=AZ,offense=possession,amount=1oz,"
                             "level=misdemeanor,year=2016; give it again for each old case "
                             "(in any state); the single-case options still work")
    parser.add_argument("--out", type=Path, metavar="FILE.pdf",
                        help="also write the screening sheet (the person's take-home page)")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of {path_id, jurisdiction, kind, mechanism, "
                             "verdict, reason, next_step, source_id}")


def _fail(message: str, code: int) -> int:
    print(" ".join(message.split()), file=sys.stderr)
    return code


def _choice(option: str, value: str, table: Mapping[str, object]) -> Any:
    word = value.strip().lower().replace(" ", "-").replace("_", "-")
    if word in UNKNOWN_WORDS or word == "":
        return None
    for key, result in table.items():
        if word == key.replace("_", "-"):
            return result
    from desktop import strings

    names = ", ".join(dict.fromkeys(k for k in table)) + ", unknown"
    raise BadInput(strings.fmt(strings.SCREEN_CLI_BAD_CHOICE, option=option, choices=names,
                               value=value))


CASE_KEYS = ("state", "offense", "amount", "level", "year", "year_of", "record", "completed",
             "age", "only_conviction", "other_charges")


def cases_from(args: argparse.Namespace) -> list[argparse.Namespace]:
    """One namespace of answers per conviction: each --conviction, else the single-case
    options. BadInput names a key or a shape the screener cannot read."""
    from desktop import strings

    if not args.conviction:
        return [args]
    cases = []
    for text in args.conviction:
        values: dict[str, str | None] = {key: "unknown" for key in CASE_KEYS}
        values["state"] = None
        for part in filter(None, (p.strip() for p in text.split(","))):
            key, sep, value = part.partition("=")
            key = key.strip().lower().replace("-", "_")
            if not sep or key not in CASE_KEYS:
                raise BadInput(strings.fmt(strings.SCREEN_CLI_BAD_CONVICTION, text=text,
                                           keys=", ".join(CASE_KEYS)))
            values[key] = value.strip()
        if not values["state"]:
            raise BadInput(strings.fmt(strings.SCREEN_CLI_BAD_CONVICTION, text=text,
                                       keys=", ".join(CASE_KEYS)))
        cases.append(argparse.Namespace(**values))
    return cases


def situation_from(args: argparse.Namespace, codes: set[str]):
    """The Situation the arguments describe; BadInput with one plain line otherwise."""
    from desktop import strings
    from desktop.domain import screener

    code = (args.state or "").strip().upper()
    if code in ("FEDERAL", "FED"):
        code = "US"
    if code not in codes:
        raise BadInput(strings.fmt(strings.SCREEN_CLI_BAD_PLACE, code=args.state or ""))
    try:
        grams = screener.parse_amount(args.amount)
        year, date = screener.parse_when(args.year)
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    age = None
    if not screener.is_dont_know(args.age) and args.age.strip().lower() not in UNKNOWN_WORDS:
        if not args.age.strip().isdecimal() or int(args.age) > 120:  # "²" is a digit, not a number
            raise BadInput(strings.fmt(strings.SCREEN_CLI_AGE_BAD, value=args.age))
        age = int(args.age)
    return screener.Situation(
        jurisdiction=code,
        offense=_choice("offense", args.offense, OFFENSE_WORDS),
        amount_grams=grams, amount_said=None if grams is None else args.amount,
        level=_choice("level", args.level, CHOICES["level"]),
        year=year, date=date,
        year_of=_choice("year-of", args.year_of, CHOICES["year-of"]),
        record=_choice("record", args.record, CHOICES["record"]),
        completed=_choice("completed", args.completed, CHOICES["completed"]),
        age=age,
        only_conviction=_choice("only-conviction", args.only_conviction,
                                CHOICES["only-conviction"]),
        other_charges=_choice("other-charges", args.other_charges, CHOICES["other-charges"]),
    )


def run(args: argparse.Namespace) -> int:
    from desktop import strings
    from desktop.commands import open_reference, tolerant_output
    from desktop.domain import screener
    from desktop.errors import KnownError

    tolerant_output("replace", sys.stdout)  # a console that cannot show “ ” or ✔
    if not args.state and not args.conviction:
        return _fail(strings.SCREEN_NEED_STATE, EXIT_BAD_INPUT)
    try:
        repo = open_reference(args)
    except KnownError as error:
        return _fail(error.one_line(), EXIT_BAD_DATA)
    try:
        codes = {s.code for s in repo.jurisdictions()}
        try:
            situations = [situation_from(case, codes) for case in cases_from(args)]
        except BadInput as exc:
            return _fail(f"relief-atlas screen: {exc}", EXIT_BAD_INPUT)
        federal = repo.jurisdiction("US")
        screened = []
        for situation in situations:
            detail = repo.jurisdiction(situation.jurisdiction)
            if detail is None:  # situation_from takes only the places the data lists
                return _fail(strings.fmt(strings.SCREEN_CLI_BAD_PLACE,
                                         code=situation.jurisdiction), EXIT_BAD_INPUT)
            screened.append((situation, detail, screener.screen(situation, detail, federal)))
        if args.json:
            rows = [dict(r.as_json(), **({"conviction": n} if len(screened) > 1 else {}))
                    for n, (_, _, results) in enumerate(screened, start=1) for r in results]
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for n, (situation, detail, results) in enumerate(screened, start=1):
                if len(screened) > 1:
                    print(strings.SCREEN_CASE_HEADING.format(n=n, place=detail.name).upper())
                notes = screener.screening_notes(situation, detail, federal)
                print(render_text(situation, detail, results, notes))
        if args.out is not None:
            return _write_sheet(args.out, screened, federal, repo.info,
                                getattr(args, "portable", False))
    finally:
        repo.close()
    return 0


def _write_sheet(path: Path, screened, federal, info, portable: bool = False) -> int:
    """The take-home screening sheet as a PDF (Qt only now, for its PDF writer), with the
    clinic's contact when this computer has one."""
    from desktop import __version__, strings
    from desktop.commands.export_handout import ensure_gui_application, read_clinic
    from desktop.domain import screener
    from desktop.errors import KnownError
    from desktop.pages import screening

    ensure_gui_application()
    from desktop.printing import handout

    cases = [screening.Case(situation, detail, results,
                            screener.screening_notes(situation, detail, federal, for_sheet=True))
             for situation, detail, results in screened]
    try:
        clinic = read_clinic(portable)
        handout.write_html_pdf(screening.render_case_sheet(cases, info, __version__,
                                                           clinic=clinic), path)
    except KnownError as error:
        return _fail(error.one_line(), EXIT_BAD_DATA)
    print(strings.HANDOUT_SAVED.format(path=path))
    return 0


def render_text(situation, detail, results, notes) -> str:
    """The result as plain text a volunteer can read aloud."""
    from desktop import strings
    from desktop.domain import screener

    out: list[str] = []

    def para(text: str, indent: str = "", first: str | None = None) -> None:
        out.append(textwrap.fill(" ".join(text.split()), WIDTH, initial_indent=first or indent,
                                 subsequent_indent=indent, break_on_hyphens=False))

    out.append(strings.SCREEN_RESULT_TITLE.format(place=detail.name))
    out.append("")
    answers = screener.describe_answers(situation, detail.name,
                                        screener.relevant_questions(detail))
    para(strings.SCREEN_ANSWERS + ": " + "; ".join(f"{k}: {v}" for k, v in answers) + ".")
    if results:
        para(screener.verdict_counts(results) + ".")
    for n, r in enumerate(results, start=1):
        out.append("")
        para(f"{n}. {r.name} — {strings.SCREEN_CLI_VERDICT[r.verdict]}")
        kind = strings.SCREEN_PATH_KIND.format(kind=strings.RELIEF_KIND[r.kind],
                                               mechanism=strings.MECHANISM[r.mechanism])
        para(kind, "   ")
        para(r.reason, "   ")
        if r.limits:
            para(f"{strings.SCREEN_H_LIMITS}: {r.limits}", "   ")
        for label, text in r.steps:
            para(f"{label}: {text}", "   ")
        para(_source_line(r), "   ")
        for caveat in r.caveats:
            para(f"⚠ {caveat}", "     ", "   ")
    if notes:
        out.append("")
        out.append(strings.SCREEN_H_NOTES + ":")
        for note in notes:
            para(note, "  ", "- ")
    out.append("")
    para(strings.DISCLAIMER)
    para(strings.SCREEN_LEGAL_AID)
    return "\n".join(out)


def _source_line(r) -> str:
    from desktop import strings

    return strings.SCREEN_SOURCE.format(title=r.source_title.rstrip("."),
                                        publisher=r.source_publisher or strings.PUBLISHER_UNKNOWN,
                                        date=r.source_date, id=r.source_id)
