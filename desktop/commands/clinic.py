"""`relief-atlas clinic set --name … --phone … [--address … --hours … --web …]` and
`relief-atlas clinic show`: the clinic's profile printed on every sheet, kept with the
clinic's notes on this computer (the window's File → Clinic details…; portable mode keeps it
beside the program). `set` replaces the whole profile (a field left out is emptied), with the
checks of the window; `set --clear` removes it. A known error prints one line and exits 1.
"""

from __future__ import annotations

import argparse
import sys

NAME = "clinic"
HELP = "set or show the clinic's name, phone, address, hours and web site printed on sheets"
FIELDS = ("name", "phone", "address", "hours", "web")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="clinic_action", metavar="ACTION", required=True)
    put = actions.add_parser("set", help="save the clinic's details (printed on every sheet)",
                             description="Save the clinic's details, printed on every handout "
                                         "and screening sheet made on this computer.")
    put.add_argument("--name", metavar="NAME", help="the clinic's name (required)")
    put.add_argument("--phone", metavar="PHONE", help="a phone number people can call (required)")
    put.add_argument("--address", metavar="TEXT", default="", help="street address, one line")
    put.add_argument("--hours", metavar="TEXT", default="", help="opening hours, one line")
    put.add_argument("--web", metavar="ADDRESS", default="", help="the clinic's web site")
    put.add_argument("--clear", action="store_true",
                     help="remove the clinic's details instead (sheets then name no clinic)")
    show = actions.add_parser("show", help="print the clinic's details kept on this computer")
    for sub in (put, show):
        sub.add_argument("--portable", action="store_true", default=argparse.SUPPRESS,
                         help="the details kept beside the program (portable mode)")


def run(args: argparse.Namespace) -> int:
    from desktop import strings
    from desktop.data.user_schema import clean_clinic
    from desktop.data.user_store import UserStore, default_path
    from desktop.domain.clinic import contact_line
    from desktop.errors import KnownError

    path = default_path(getattr(args, "portable", False))
    try:
        if args.clinic_action == "show":
            store = UserStore.open_read_only(path)  # never creates the notes file
            profile = None
            if store is not None:
                with store:
                    profile = store.clinic()
            if profile is None:
                print(strings.fmt(strings.CLINIC_CLI_NONE))
                return 0
            for field in FIELDS:
                value = getattr(profile, field)
                if value:
                    print(strings.CLINIC_CLI_FIELDS[field].format(value=value))
            return 0
        values = {} if args.clear else {f: getattr(args, f) or "" for f in FIELDS}
        # Checked before the notes file is opened (or made); nothing given is not "clear".
        if not args.clear and clean_clinic(values) is None:
            print(strings.fmt(strings.CLINIC_PROBLEMS["required"],
                              field=strings.CLINIC_FIELD_NAMES["name"]), file=sys.stderr)
            return 1
        with UserStore.open(path) as store:
            saved = store.set_clinic(values)
        if saved is None:
            print(strings.fmt(strings.CLINIC_CLI_CLEARED))
        else:
            print(strings.fmt(strings.CLINIC_CLI_SAVED, line=contact_line(saved)))
        return 0
    except KnownError as error:
        print(error.one_line(), file=sys.stderr)
        return 1
