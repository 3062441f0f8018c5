"""Command line: python -m dk2020dash init | info | import | export | backup | restore | user | action | milestone
| report | migrate-to-postgres | settings (exit 0 ok, 1 error with a one-line message and nothing written, 2 wrong
usage)."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

import duckdb

from dk2020dash import queries
from dk2020dash.db import open_store
from dk2020dash.db.migrations import SCHEMA_VERSION
from dk2020dash.db.store import Store, db_path
from dk2020dash.errors import Refusal, StoreDamaged, StoreError
from dk2020dash.logs import configure_logging, mask_url
from dk2020dash.queries import history

log = logging.getLogger(__name__)


def cmd_init(args: argparse.Namespace) -> int:
    from dk2020dash.demo import fill_demo

    store = open_store(args.db)
    store.create(None if args.empty else fill_demo, force=args.force)
    kind = "tom (kun kommuner og sektorer)" if args.empty else "med eksempeldata (demo)"
    print(f"Oprettede {store.target} {kind}.")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    counts = store.table_counts()
    demo = queries.demo_kinds(store)
    latest = queries.latest_inventory_year(store)
    print(f"database:        {store.target}")
    print(f"skemaversion:    {SCHEMA_VERSION}")
    print(f"dataversion:     {store.data_version()}")
    print(f"seneste år:      {latest if latest is not None else '–'}")
    print(f"eksempeldata:    {'ja (' + ', '.join(demo) + ')' if demo else 'nej'}")
    print("rækker pr. tabel:")
    for table, n in counts.items():
        print(f"  {table:<14} {n:>9}")
    return 0


# -- import ------------------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    """Exit 0 imported (or a clean dry run, or already imported), 1 validation failed, 2 no such file."""
    from pathlib import Path

    from dk2020dash.ingest import run_import

    path = Path(args.file)
    if not path.is_file():
        print(f"fejl: {path}: filen findes ikke", file=sys.stderr)
        return 2
    if args.kind != "inventory" and (args.edition or args.published or args.into_edition):
        print("fejl: --edition, --published og --into-edition gælder kun inventory", file=sys.stderr)
        return 2
    store = open_store(args.db)
    report = run_import(store, args.kind, path.read_bytes(), path.name, edition_name=args.edition,
                        dry_run=args.dry_run, who=_importer(store, args.who), published=args.published,
                        into_edition=args.into_edition)
    if not report.ok:
        for line in report.problem_lines():
            print(line)
        print(f"{path.name}: {report.message}", file=sys.stderr)
        return 1
    if report.summary is not None:
        for line in report.summary.lines():
            print(f"  {line}")
    print(f"{path.name}: {report.message}")
    return 0


def _importer(store: Store, email: str | None) -> str:
    """Who an import is recorded as: 'cli:<os user>' (the operator, who may replace the file anyway), or with
    --who 'cli:<os user> as <e-mail>', when that e-mail is an admin's (an import is an admin's, as on the Data
    page); AuthError otherwise."""
    from dk2020dash import auth
    from dk2020dash.exports.backup import _user

    if email is None:
        return auth.cli_admin(_user()).who
    user = auth.on_command_line(store, _user(), email)
    if not auth.can_import(user):
        raise auth.AuthError("auth.err.import_admin", email=user.email, role=user.role)
    return user.who


def _iso_date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} er ikke en dato på formen ÅÅÅÅ-MM-DD") from None


def add_import_command(sub: argparse._SubParsersAction, db_arg) -> None:
    from dk2020dash.ingest import KINDS

    imp = sub.add_parser("import", help="indlæs en CSV- eller XLSX-fil (valideres helt, før noget skrives)")
    imp.add_argument("kind", choices=tuple(KINDS), help="slags data")
    imp.add_argument("file", help="CSV- eller XLSX-fil")
    imp.add_argument("--edition", default=None, help="navn på den nye udgave af opgørelsen (inventory)")
    imp.add_argument("--published", type=_iso_date, default=None, metavar="ÅÅÅÅ-MM-DD",
                     help="udgivelsesdato for den nye udgave (inventory; standard: i dag); hver kommune bruger sin "
                          "senest udgivne udgave")
    imp.add_argument("--into-edition", default=None, metavar="NAVN",
                     help="ret en eksisterende udgave (inventory): filens rækker erstatter udgavens rækker med samme "
                          "kommune, år og sektor, i stedet for at blive en ny udgave")
    imp.add_argument("--dry-run", action="store_true", help="valider og vis ændringerne uden at skrive")
    imp.add_argument("--who", default=None, metavar="EMAIL",
                     help="indlæs som denne administrator (registreres som cli:<brugernavn> as <e-mail>; "
                          "standard: cli:<brugernavn>)")
    db_arg(imp)
    imp.set_defaults(func=cmd_import)


# -- export, backup, restore ------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    from dk2020dash.exports.tables import export_tables

    files = export_tables(open_store(args.db), args.dir, args.format)
    print(f"Eksporterede {len(files)} filer ({args.format}) til {args.dir}: {', '.join(f.name for f in files)}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from dk2020dash.exports.backup import backup

    target = Path(args.file)
    if target.exists() and not args.force:
        raise ValueError(f"{target} findes allerede; brug --force for at overskrive den.")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        manifest = backup(open_store(args.db), tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    rows = sum(t["rows"] for t in manifest["tables"].values())
    print(f"Backup af {open_store(args.db).target} (dataversion {manifest['data_version']}, {rows} rækker) skrevet til {target}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """A database that cannot be opened (damaged, or not ours) is replaced too, with --force; it is kept beside."""
    from dk2020dash.exports.backup import check, describe, restore

    store = open_store(args.db)
    replaced = damaged = None
    if store.exists():
        try:
            replaced = describe(store)
        except StoreDamaged as exc:
            damaged = _reason(exc, store)
    if (replaced or damaged) and not args.force:
        check(args.file)  # a wrong file is reported before the question of replacing comes up
        if damaged:
            raise ValueError(f"{store.target} kan ikke åbnes ({damaged}); restore --force erstatter den med backuppen "
                             "og gemmer den beskadigede fil ved siden af.")
        raise ValueError(f"restore erstatter hele {store.target} ({replaced}); brug --force for at gøre det.")
    report = restore(store, args.file, replace_damaged=args.force)
    was = f" Erstattede: {replaced}." if replaced else ""
    if report.kept_replaced is not None:
        was += f" Den erstattede fil er gemt som {report.kept_replaced}."
    if report.carried:
        was += (f" Historik siden backuppen bevaret: {report.carried.get('action_event', 0)} statusændringer, "
                f"{report.carried.get('audit', 0)} ændringer, {report.carried.get('import_log', 0)} importlinjer.")
    if report.kept_damaged is not None:
        was = f" Erstattede en fil, der ikke kunne åbnes ({damaged}); den er gemt som {report.kept_damaged}."
    print(f"Gendannede {store.target} fra {args.file} (backup lavet {report.created}, "
          f"{sum(report.rows.values())} rækker); ny dataversion {report.data_version}.{was}")
    return 0


def _reason(exc: StoreError, store: Store) -> str:
    """A store error's text without the file's path in front and the closing "intet er ændret"."""
    text = str(exc).removeprefix(f"{store.target}: ").strip()
    return text.removesuffix(".").removesuffix("; intet er ændret").rstrip(".")


def add_export_commands(sub: argparse._SubParsersAction, db_arg) -> None:
    export = sub.add_parser("export", help="eksportér alle tabeller med en README (csv, xlsx eller parquet)")
    export.add_argument("dir", help="mappe at skrive til (oprettes om nødvendigt)")
    export.add_argument("--format", choices=("csv", "xlsx", "parquet"), default="csv", help="filformat (standard: csv)")
    db_arg(export)
    export.set_defaults(func=cmd_export)

    backup = sub.add_parser("backup", help="gem hele databasen i én fil (zip med manifest og Parquet)")
    backup.add_argument("file", help="backupfil at skrive")
    backup.add_argument("--force", action="store_true", help="overskriv en eksisterende fil")
    db_arg(backup)
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="erstat databasen med en backup fra dette program")
    restore.add_argument("file", help="backupfil at gendanne")
    restore.add_argument("--force", action="store_true", help="erstat en eksisterende database")
    db_arg(restore)
    restore.set_defaults(func=cmd_restore)


# -- settings -------------------------------------------------------------------------------------------------
def cmd_settings(args: argparse.Namespace) -> int:
    from dk2020dash import config

    if args.update_readme:
        text = config.README.read_text(encoding="utf-8")
        config.README.write_text(config.readme_with_table(text), encoding="utf-8")
        print(f"Skrev listen over indstillinger i {config.README}.")
    elif args.markdown:
        print(config.markdown_table())
    else:  # what this process would use now (passwords masked)
        for s in config.SETTINGS:
            if s.where == "env":
                shown = mask_url(config.value(s.name)) if config.value(s.name) else "–"
                print(f"{s.name:<22} {shown}{'' if config.is_set(s.name) else '  (standard)'}")
    return 0


def add_settings_command(sub: argparse._SubParsersAction) -> None:
    settings = sub.add_parser("settings", help="vis indstillingerne (DK2020_*-variabler) og deres værdi nu")
    what = settings.add_mutually_exclusive_group()
    what.add_argument("--markdown", action="store_true", help="tabellen over alle indstillinger, som i README")
    what.add_argument("--update-readme", action="store_true", help="skriv tabellen ind i README.md")
    settings.set_defaults(func=cmd_settings)


# -- migrate-to-postgres ----------------------------------------------------------------------------------
def cmd_migrate(args: argparse.Namespace) -> int:
    from dk2020dash.db.postgres import migrate_to_postgres

    source = Store(args.db or db_path())  # the file, even when DK2020_DATABASE_URL is set
    target = open_store(args.database_url)
    counts = migrate_to_postgres(source, target)
    print(f"Kopierede {source.target} til {target.target} i én transaktion: {sum(n for n, _ in counts.values())} rækker "
          f"i {len(counts)} tabeller; antal rækker og kontrolsummer stemmer for hver tabel.")
    return 0


def add_migrate_command(sub: argparse._SubParsersAction) -> None:
    mig = sub.add_parser("migrate-to-postgres",
                         help="kopiér en databasefil til en tom PostgreSQL-database (én transaktion, kontrolleret)")
    mig.add_argument("--db", default=None, help=f"databasefilen at kopiere (standard: DK2020_DB eller {db_path()})")
    mig.add_argument("--database-url", required=True, metavar="URL", help="postgresql://BRUGER@VÆRT:PORT/DB (tom)")
    mig.set_defaults(func=cmd_migrate)


# -- users, and edits by a named user ----------------------------------------------------------------------
def _read_password(prompt: str) -> str:
    """A password from the terminal (not echoed, asked twice) or, when stdin is not a terminal, its first line."""
    import getpass

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("Gentag adgangskoden: ") != first:
        raise ValueError("de to adgangskoder er ikke ens; intet er ændret.")
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    from dk2020dash import auth
    from dk2020dash.exports.backup import _user

    store = open_store(args.db)
    password = _read_password(f"Adgangskode til {args.email}: ") if args.password else None
    user = auth.grant(store, auth.cli_admin(_user()), args.email, args.role, regions=args.region or (),
                      municipalities=args.kommune or (), password=password)
    scope = ", ".join([*user.regions, *map(str, user.municipalities)]) or "alle kommuner"
    local = " med lokal adgangskode" if args.password else ""
    print(f"{user.email} er nu {user.role} ({scope}){local}.")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from dk2020dash import auth

    users = auth.list_users(open_store(args.db))
    if users.empty:
        print("Ingen brugere med roller; alle er læsere.")
        return 0
    for u in users.itertuples():
        scope = "; ".join(s for s in (u.regions, u.municipalities) if isinstance(s, str)) or "alle kommuner"
        local = ("lokal adgangskode" if u.local_password else
                 f"single sign-on, bundet til {u.identity}" if isinstance(u.identity, str) else
                 "single sign-on, ikke bundet endnu")
        print(f"{u.email}\t{u.role}\t{scope}\t{local}\tgivet af {u.granted_by} {u.granted_at:%Y-%m-%d %H:%M}")
    return 0


def cmd_user_remove(args: argparse.Namespace) -> int:
    from dk2020dash import auth
    from dk2020dash.exports.backup import _user

    auth.revoke(open_store(args.db), auth.cli_admin(_user()), args.email)
    print(f"{args.email.strip().lower()} har ikke længere en rolle (er nu læser).")
    return 0


def _by(store: Store, email: str):
    """The user named by --by: must have a role (a viewer changes nothing; the edit checks the scope), recorded as
    'cli:<os user> as <e-mail>'."""
    from dk2020dash import auth
    from dk2020dash.exports.backup import _user

    return auth.on_command_line(store, _user(), email)


def cmd_user_unbind(args: argparse.Namespace) -> int:
    from dk2020dash import auth
    from dk2020dash.exports.backup import _user

    auth.reset_identity(open_store(args.db), auth.cli_admin(_user()), args.email)
    print(f"{args.email.strip().lower()} er ikke længere bundet til en identitet hos udbyderen; næste log ind med "
          "bekræftet e-mail binder kontoen igen.")
    return 0


def cmd_action_set_status(args: argparse.Namespace) -> int:
    from dk2020dash import edits

    store = open_store(args.db)
    saved = edits.set_status(store, _by(store, args.by), args.id, args.status, args.note)
    print(f"Handling {args.id}: status er nu {args.status} (version {saved.version}).")
    return 0


def cmd_milestone_done(args: argparse.Namespace) -> int:
    from dk2020dash import edits

    store = open_store(args.db)
    saved = edits.mark_done(store, _by(store, args.by), args.id, None, args.date, args.note)
    print(f"Milepæl {args.id} er markeret udført (version {saved.version}).")
    return 0


def cmd_edition(args: argparse.Namespace) -> int:
    """edition list | redate ID --published DATE | withdraw ID --reason T | restore ID (admins; audited)."""
    import pandas as pd

    from dk2020dash import edits, i18n, queries

    store = open_store(args.db)
    if args.edition_command == "list":
        for e in queries.editions(store).itertuples(index=False):
            published = "–" if pd.isna(e.published) else pd.Timestamp(e.published).date().isoformat()
            state = (f"nyeste for {i18n.t('n.municipalities', 'da', count=int(e.newest_for))}" if pd.isna(e.withdrawn_at)
                     else f"trukket tilbage {pd.Timestamp(e.withdrawn_at):%Y-%m-%d %H:%M}")
            print(f"{e.id}\t{e.name}\tudgivet {published}\t{state}")
        return 0
    user = _by(store, args.by)
    if args.edition_command == "redate":
        edits.redate_edition(store, user, args.id, args.published, args.note)
        print(f"Udgave {args.id}: udgivet {args.published.isoformat()}.")
    elif args.edition_command == "withdraw":
        edits.withdraw_edition(store, user, args.id, args.reason)
        print(f"Udgave {args.id} er trukket tilbage og tæller ikke længere med.")
    else:
        edits.restore_edition(store, user, args.id, args.note)
        print(f"Udgave {args.id} tæller med igen.")
    return 0


def add_edition_commands(sub: argparse._SubParsersAction, db_arg) -> None:
    ed = sub.add_parser("edition", help="opgørelsens udgaver: vis, omdatér, træk tilbage, gendan (administratorer)")
    esub = ed.add_subparsers(dest="edition_command", required=True)
    lst = esub.add_parser("list", help="vis udgaverne, nyeste først")
    db_arg(lst)
    by_help = "e-mail på en administrator"
    redate = esub.add_parser("redate", help="sæt en udgaves udgivelsesdato")
    redate.add_argument("id", type=int)
    redate.add_argument("--published", required=True, type=_iso_date, help="ÅÅÅÅ-MM-DD, senest i dag")
    redate.add_argument("--by", required=True, help=by_help)
    redate.add_argument("--note", default=None)
    withdraw = esub.add_parser("withdraw", help="træk en udgave tilbage: den tæller ingen steder")
    withdraw.add_argument("id", type=int)
    withdraw.add_argument("--reason", required=True)
    withdraw.add_argument("--by", required=True, help=by_help)
    restore = esub.add_parser("restore", help="lad en tilbagetrukket udgave tælle igen")
    restore.add_argument("id", type=int)
    restore.add_argument("--by", required=True, help=by_help)
    restore.add_argument("--note", default=None)
    for p in (lst, redate, withdraw, restore):
        p.set_defaults(func=cmd_edition)
    for p in (redate, withdraw, restore):
        db_arg(p)


def add_user_commands(sub: argparse._SubParsersAction, db_arg) -> None:
    user = sub.add_parser("user", help="brugere med roller (redaktør, administrator)")
    usub = user.add_subparsers(dest="user_command", required=True)
    add = usub.add_parser("add", help="giv en bruger en rolle (eller ændr den)")
    add.add_argument("email")
    add.add_argument("--role", required=True, choices=("editor", "admin"))
    add.add_argument("--region", action="append", help="en hel region (kan gentages)")
    add.add_argument("--kommune", nargs="+", action="extend", help="kommunenavne eller -koder")
    add.add_argument("--password", action="store_true",
                     help="lokal konto: spørg efter en adgangskode (eller læs den fra stdin)")
    db_arg(add)
    add.set_defaults(func=cmd_user_add)
    lst = usub.add_parser("list", help="vis brugere med roller")
    db_arg(lst)
    lst.set_defaults(func=cmd_user_list)
    rm = usub.add_parser("remove", help="fjern en brugers rolle")
    rm.add_argument("email")
    db_arg(rm)
    rm.set_defaults(func=cmd_user_remove)
    unbind = usub.add_parser("unbind", help="nulstil en kontos binding til identiteten hos udbyderen (single sign-on)")
    unbind.add_argument("email")
    db_arg(unbind)
    unbind.set_defaults(func=cmd_user_unbind)

    act = sub.add_parser("action", help="ændr en handling")
    asub = act.add_subparsers(dest="action_command", required=True)
    st = asub.add_parser("set-status", help="sæt en handlings status")
    st.add_argument("id", type=int)
    st.add_argument("status", help="planned, in_progress, completed, delayed, paused eller cancelled")
    st.add_argument("--by", required=True, help="e-mail på en bruger med rolle, der må ændre kommunen")
    st.add_argument("--note", default=None)
    db_arg(st)
    st.set_defaults(func=cmd_action_set_status)

    ms = sub.add_parser("milestone", help="ændr en milepæl")
    msub = ms.add_subparsers(dest="milestone_command", required=True)
    done = msub.add_parser("done", help="markér en milepæl som udført")
    done.add_argument("id", type=int)
    done.add_argument("--date", default=None, help="ÅÅÅÅ-MM-DD (standard: i dag)")
    done.add_argument("--by", required=True, help="e-mail på en bruger med rolle, der må ændre kommunen")
    done.add_argument("--note", default=None)
    db_arg(done)
    done.set_defaults(func=cmd_milestone_done)

# -- report: the KKR meeting pack ------------------------------------------------------------------------
def cmd_report_kkr(args: argparse.Namespace) -> int:
    """The seven-slide deck for an area as PowerPoint (.pptx) or PDF (.pdf, through LibreOffice headless)."""
    from datetime import date
    from pathlib import Path

    from dk2020dash import i18n
    from dk2020dash.exports import kkr

    lang = args.lang
    target = Path(args.out)
    kind = target.suffix.lower().lstrip(".")
    if kind not in ("pptx", "pdf"):
        raise ValueError(f"{target}: --out skal ende på .pptx eller .pdf")
    if kind == "pdf" and kkr.soffice() is None:
        raise ValueError(i18n.t("kkr.cli.pdf_missing", lang, install=kkr.PDF_INSTALL))
    store = open_store(args.db)
    if not store.exists():
        raise ValueError(f"{store.target}: databasen findes ikke; opret den med python -m dk2020dash init")
    area = kkr.parse_area(args.area)
    today = date.today()
    try:
        since = kkr.parse_since(args.since if args.since is not None else kkr.default_since(today),
                                 history.history_start(store), today, lang)
    except kkr.SinceError as exc:
        raise ValueError(f"--since: {exc.message(lang)}") from None
    pptx = kkr.to_pptx(kkr.build(store, area, since, lang, today))
    try:
        data = kkr.to_pdf(pptx) if kind == "pdf" else pptx
    except kkr.PdfUnavailable as exc:
        raise ValueError(str(exc)) from None
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")  # never a half-written deck
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    print(f"Skrev {target} ({kind.upper()}, {len(kkr.SLIDES)} dias, {kkr.area_name(area, lang)}, "
          f"ændringer siden {since.isoformat()}).")
    return 0


def add_report_command(sub: argparse._SubParsersAction, db_arg) -> None:
    report = sub.add_parser("report", help="lav en rapport (kkr: præsentationen til KKR-mødet)")
    kinds = report.add_subparsers(dest="report", required=True)
    kkr = kinds.add_parser("kkr", help="de syv dias til KKR-mødet som PowerPoint eller PDF")
    kkr.add_argument("--area", default="Danmark", help="Danmark eller en region (fx Hovedstaden); standard: Danmark")
    kkr.add_argument("--since", default=None, help="ændringer siden denne dato (ÅÅÅÅ-MM-DD); standard: 90 dage før i dag")
    kkr.add_argument("--out", required=True, help="fil at skrive: .pptx, eller .pdf (kræver LibreOffice)")
    kkr.add_argument("--lang", choices=("da", "en"), default="da", help="sprog på diasene (standard: da)")
    db_arg(kkr)
    kkr.set_defaults(func=cmd_report_kkr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dk2020dash", description="DK2020 Klimaplan-dashboard: database og data.")
    sub = parser.add_subparsers(dest="command", required=True)

    def db_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=None, help=f"databasefil (standard: DK2020_DB eller {db_path()})")
        # Both land in args.db: open_store(args.db) opens PostgreSQL for a postgresql:// URL.
        p.add_argument("--database-url", dest="db", default=None, metavar="URL",
                       help="PostgreSQL i stedet for filen: postgresql://BRUGER@VÆRT:PORT/DB "
                            "(standard: DK2020_DATABASE_URL, som vinder over DK2020_DB)")

    init = sub.add_parser("init", help="opret databasen")
    db_arg(init)
    what = init.add_mutually_exclusive_group()
    what.add_argument("--demo", action="store_true", help="fyld eksempeldata i (standard)")
    what.add_argument("--empty", action="store_true", help="kun kommuner og sektorer, ingen udledninger")
    init.add_argument("--force", action="store_true", help="erstat en eksisterende database")
    init.set_defaults(func=cmd_init)
    add_import_command(sub, db_arg)

    info = sub.add_parser("info", help="vis skema- og dataversion, rækker pr. tabel og om data er eksempeldata")
    db_arg(info)
    info.set_defaults(func=cmd_info)
    add_export_commands(sub, db_arg)
    add_user_commands(sub, db_arg)
    add_edition_commands(sub, db_arg)
    add_report_command(sub, db_arg)
    add_migrate_command(sub)
    add_settings_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Details (e.g. a database error's own text) go to the log: shown with DK2020_LOG_LEVEL=debug (or info, warning).
    configure_logging(only_if_set=True)
    args = build_parser().parse_args(argv)  # exits 2 on wrong usage
    try:
        return args.func(args)
    except Refusal as exc:  # a StoreError, AuthError, ...: its Danish message
        print(f"fejl: {mask_url(exc.message('da'))}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:
        print(f"fejl: {mask_url(exc)}", file=sys.stderr)
        return 1
    except duckdb.Error as exc:  # never a raw database error: a plain line, the detail in the log
        log.warning("%s failed in the database", args.command, exc_info=exc)
        print(f"fejl: databasen meldte en fejl under '{args.command}' ({type(exc).__name__}); se loggen med "
              "DK2020_LOG_LEVEL=debug.", file=sys.stderr)
        return 1
