"""Command line: python -m dk2020dash init | info (exit 0 ok, 1 error with a one-line message, 2 wrong usage)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import queries
from .store import SCHEMA_VERSION, Store, StoreError, db_path


def cmd_init(args: argparse.Namespace) -> int:
    from .demo import fill_demo

    store = Store(args.db)
    store.create(None if args.empty else fill_demo, force=args.force)
    kind = "tom (kun kommuner og sektorer)" if args.empty else "med eksempeldata (demo)"
    print(f"Oprettede {store.path} {kind}.")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    store = Store(args.db)
    counts = store.table_counts()
    demo = queries.demo_kinds(store)
    latest = queries.latest_inventory_year(store)
    print(f"database:        {store.path}")
    print(f"skemaversion:    {SCHEMA_VERSION}")
    print(f"dataversion:     {store.data_version()}")
    print(f"seneste år:      {latest if latest is not None else '–'}")
    print(f"eksempeldata:    {'ja (' + ', '.join(demo) + ')' if demo else 'nej'}")
    print("rækker pr. tabel:")
    for table, n in counts.items():
        print(f"  {table:<14} {n:>9}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dk2020dash", description="DK2020 Klimaplan-dashboard: database og data.")
    sub = parser.add_subparsers(dest="command", required=True)

    def db_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=None, help=f"databasefil (standard: DK2020_DB eller {db_path()})")

    init = sub.add_parser("init", help="opret databasen")
    db_arg(init)
    what = init.add_mutually_exclusive_group()
    what.add_argument("--demo", action="store_true", help="fyld eksempeldata i (standard)")
    what.add_argument("--empty", action="store_true", help="kun kommuner og sektorer, ingen udledninger")
    init.add_argument("--force", action="store_true", help="erstat en eksisterende database")
    init.set_defaults(func=cmd_init)

    info = sub.add_parser("info", help="vis skema- og dataversion, rækker pr. tabel og om data er eksempeldata")
    db_arg(info)
    info.set_defaults(func=cmd_info)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # exits 2 on wrong usage
    try:
        return args.func(args)
    except StoreError as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 1
