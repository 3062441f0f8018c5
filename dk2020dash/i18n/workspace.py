"""Strings of sign-in, users, roles and edits (the Indsatser and Milepæle work): key -> (Danish, English)."""

STRINGS: dict[str, tuple] = {  # (Danish, English); a counted phrase: ((singular, plural), (singular, plural))
    "auth.err.viewer": ("Du har ikke ret til at ændre noget. Log ind som redaktør eller administrator.",
                        "You may not change anything. Sign in as an editor or admin."),
    "auth.err.scope": ("{email} må ikke ændre {name}s handlinger og milepæle (uden for brugerens område).",
                       "{email} may not change the actions and milestones of {name} (outside the user's scope)."),
    "auth.err.admin": ("Kun en administrator må gøre det.", "Only an admin may do that."),
    "auth.err.short_password": (
        ("Adgangskoden skal have mindst {count} tegn.", "Adgangskoden skal have mindst {count} tegn."),
        ("The password needs at least {count} character.", "The password needs at least {count} characters."),
    ),
    "auth.err.wait": (
        ("For mange forsøg. Vent {count} sekund, og prøv igen.",
         "For mange forsøg. Vent {count} sekunder, og prøv igen."),
        ("Too many attempts. Wait {count} second and try again.",
         "Too many attempts. Wait {count} seconds and try again."),
    ),
    "auth.err.bad_login": ("Forkert e-mail eller adgangskode.", "Wrong e-mail or password."),
    "auth.err.email": ("'{email}' er ikke en e-mailadresse.", "'{email}' is not an e-mail address."),
    "auth.err.municipality": ("Ukendt kommune: '{name}' (brug navn eller kommunekode).",
                              "Unknown municipality: '{name}' (use a name or a municipality code)."),
    "auth.err.role": ("Ukendt rolle: '{role}' (editor eller admin).", "Unknown role: '{role}' (editor or admin)."),
    "auth.err.region": ("Ukendt region: '{region}' (en af {regions}).", "Unknown region: '{region}' (one of {regions})."),
    "auth.err.no_scope": ("En redaktør skal have mindst én region eller kommune.",
                          "An editor needs at least one region or municipality."),
    "auth.err.self": ("Du kan ikke fjerne eller ændre din egen administratorrolle.",
                      "You cannot remove or change your own admin role."),
    "auth.err.unknown_user": ("{email} har ingen rolle.", "{email} has no role."),
    "auth.err.email_invisible": (
        "'{email}' indeholder et usynligt tegn eller et mellemrum ({char}). Skriv e-mailadressen igen uden det.",
        "'{email}' contains an invisible character or a space ({char}). Type the e-mail address again without it."),
    "auth.err.email_lookalike": (
        "'{email}' indeholder '{char}' ({code}), som ligner et almindeligt bogstav. En e-mailadresse skrives med "
        "a–z, 0–9 og . _ - + (et domæne med æ, ø eller å i sin xn--form).",
        "'{email}' contains '{char}' ({code}), which looks like an ordinary letter. An e-mail address is written with "
        "a–z, 0–9 and . _ - + (a domain with non-ASCII letters in its xn-- form)."),
    "auth.err.sso_no_identity": (
        "Log ind afvist: identitetsudbyderen sendte ingen udsteder og ingen bruger-id. Du er logget ind som læser.",
        "Sign-in refused: the identity provider sent no issuer and no user id. You are signed in as a viewer."),
    "auth.err.sso_unverified": (
        "Log ind afvist for {email}: identitetsudbyderen har ikke bekræftet e-mailadressen, så rollen gives ikke. "
        "Du er logget ind som læser.",
        "Sign-in refused for {email}: the identity provider has not verified the e-mail address, so its role is not "
        "given. You are signed in as a viewer."),
    "auth.err.sso_bound": (
        "Log ind afvist for {email}: kontoen er bundet til en anden identitet hos identitetsudbyderen. Du er logget "
        "ind som læser; en administrator kan nulstille bindingen på siden Brugere.",
        "Sign-in refused for {email}: the account is bound to another identity at the identity provider. You are "
        "signed in as a viewer; an admin can reset the binding on the Users page."),
    "auth.err.sso_local": (
        "Log ind afvist for {email}: det er en lokal konto med adgangskode, som ikke kan bruges via "
        "identitetsudbyderen. Du er logget ind som læser.",
        "Sign-in refused for {email}: it is a local account with a password, which cannot be used through the "
        "identity provider. You are signed in as a viewer."),
    "auth.err.import_admin": ("{email} må ikke indlæse data (rolle: {role}); kun en administrator må.",
                              "{email} may not import data (role: {role}); only an admin may."),
    "auth.err.not_bound": ("{email} er ikke bundet til en identitet hos udbyderen.",
                           "{email} is not bound to an identity at the provider."),
    "auth.err.changed": ("{email}s rolle eller område er ændret, mens siden var åben, og dækker ikke længere dette; "
                         "intet er gemt. Indlæs siden igen.",
                         "The role or scope of {email} changed while the page was open and no longer covers this; "
                         "nothing was saved. Reload the page."),
    "auth.err.last_admin": ("{email} er den sidste administrator og kan ikke fjernes eller gøres til redaktør; "
                            "gør først en anden til administrator.",
                            "{email} is the last admin and cannot be removed or made an editor; make someone else an "
                            "admin first."),
    "edit.err.unknown_action": ("Handling {id} findes ikke.", "Action {id} does not exist."),
    "edit.err.unknown_milestone": ("Milepæl {id} findes ikke.", "Milestone {id} does not exist."),
    "edit.err.status": ("Ukendt status: '{status}' (en af {statuses}).", "Unknown status: '{status}' (one of {statuses})."),
    "edit.err.date": ("{field}: '{value}' er ikke en dato (ÅÅÅÅ-MM-DD).", "{field}: '{value}' is not a date (YYYY-MM-DD)."),
    "edit.err.end_before_start": ("Slutdatoen {end} ligger før startdatoen {start}.",
                                  "The end date {end} is before the start date {start}."),
    "edit.err.expected": ("Forventet reduktion skal være et tal (t CO2e/år), fik '{value}'.",
                          "The expected reduction must be a number (t CO2e/yr), got '{value}'."),
    "edit.err.negative": ("Forventet reduktion kan ikke være negativ ({value}).",
                          "The expected reduction cannot be negative ({value})."),
    "edit.err.too_large": ("Forventet reduktion {value} t er større end kommunens samlede udledning {total} t ({year}).",
                           "The expected reduction {value} t is larger than the municipality's total emissions "
                           "{total} t ({year})."),
    "edit.err.date_range": ("{field}: {value} ligger ikke mellem {low} og {high}.",
                            "{field}: {value} is not between {low} and {high}."),
    "edit.err.future": ("Datoen for udført {done} ligger i fremtiden.", "The done date {done} is in the future."),
    "edit.err.already_done": ("Milepælen er allerede udført ({done}).", "The milestone is already done ({done})."),
    "edit.err.reason": ("Angiv en begrundelse for at flytte fristen.", "Give a reason for moving the due date."),
    "edit.err.too_long": (
        ("{field} er for lang (højst {count} tegn).", "{field} er for lang (højst {count} tegn)."),
        ("{field} is too long (at most {count} character).", "{field} is too long (at most {count} characters)."),
    ),
    "edit.err.nothing": ("Intet er ændret.", "Nothing was changed."),
    "edit.err.unknown_edition": ("Udgave {id} findes ikke.", "Edition {id} does not exist."),
    "edit.err.published_range": ("Udgivelsesdatoen {published} skal ligge mellem {first} og i dag ({today}).",
                                 "The publication date {published} must lie between {first} and today ({today})."),
    "edit.err.withdraw_reason": ("Angiv en begrundelse for at trække udgaven tilbage.",
                                 "Give a reason for withdrawing the edition."),
    "edit.err.edition_withdrawn": ("Udgaven {name} er allerede trukket tilbage.", "The edition {name} is already withdrawn."),
    "edit.err.edition_not_withdrawn": ("Udgaven {name} er ikke trukket tilbage.", "The edition {name} is not withdrawn."),
    "edit.err.conflict": ("{who} gemte en ændring først (version {version}). Se de nye værdier, og gem igen, hvis din "
                          "ændring stadig gælder: {values}",
                          "{who} saved a change first (version {version}). Look at the new values and save again if "
                          "your change still applies: {values}"),
    "edit.field.status": ("Status", "Status"),
    "edit.field.start_date": ("Start", "Start"),
    "edit.field.end_date": ("Slut", "End"),
    "edit.field.expected_2030_t": ("Forventet reduktion 2030 (t CO2e/år)", "Expected reduction 2030 (t CO2e/yr)"),
    "edit.field.responsible": ("Ansvarlig", "Responsible"),
    "edit.field.note": ("Note", "Note"),
    "edit.field.done": ("Udført", "Done"),
    "edit.field.due": ("Frist", "Due"),
    "edit.field.reason": ("Begrundelse", "Reason"),
    "edit.field.published": ("Udgivet", "Published"),
    "edit.field.withdrawn_at": ("Trukket tilbage", "Withdrawn"),
    "edit.field.restored": ("Gendannet fra backup", "Restored from a backup"),
    "edit.field.email": ("E-mail", "E-mail"),
    "edit.field.password": ("Adgangskode", "Password"),
    "auth.sign_in": ("Log ind", "Sign in"),
    "auth.sign_in.help": ("Redaktører og administratorer logger ind for at ændre data. Alle kan læse uden at logge ind.",
                          "Editors and admins sign in to change data. Everyone can read without signing in."),
    "auth.sign_out": ("Log ud", "Sign out"),
    "auth.signed_in_as": ("Logget ind som {email} ({role})", "Signed in as {email} ({role})"),
    "auth.admin_only": ("Kun administratorer kan indlæse data og gendanne backups. Log ind som administrator.",
                        "Only admins can import data and restore backups. Sign in as an admin."),
    "act.title": ("Indsatser på tværs af kommuner", "Actions across municipalities"),
    "act.intro": ("Filtrér indsatserne; filtrene står i adressen, så et link viser det samme udsnit. Vælg en række for "
                  "at se indsatsens historik.",
                  "Filter the actions; the filters are in the address, so a link shows the same selection. Select a "
                  "row to see the action's history."),
    "act.region": ("Region", "Region"),
    "act.municipality": ("Kommune", "Municipality"),
    "act.sector": ("Sektor", "Sector"),
    "act.status": ("Status", "Status"),
    "act.kind": ("Type", "Type"),
    "act.stale": (
        ("Kun forældede (åbne handlinger, ikke opdateret i {count} dag)",
         "Kun forældede (åbne handlinger, ikke opdateret i {count} dage)"),
        ("Stale only (open actions not updated for {count} day)", "Stale only (open actions not updated for {count} days)"),
    ),
    "act.search": ("Søg i titler", "Search titles"),
    "act.all": ("Alle", "All"),
    "act.count": (
        ("{count} indsats", "{count} indsatser"),
        ("{count} action", "{count} actions"),
    ),
    "act.totals": ("Antal og forventet reduktion 2030 pr. status", "Count and expected 2030 reduction by status"),
    "act.totals.value": ("{n} · {tonnes}", "{n} · {tonnes}"),
    "act.bridge": ("Reduktionsbroen for udsnittet", "The reduction bridge of the selection"),
    "act.bridge.note": ("Behovet er de valgte kommuners samlede behov i områdets opgørelsesår (det samme som på "
                        "Overblik og Kommune); søjlerne dækker kun de viste reduktionsindsatser, og hver kommunes "
                        "handlinger tæller højst op til dens eget behov.",
                        "The need is the chosen municipalities' total need in the area's inventory year (the same as "
                        "on Overview and Municipality); the bars cover only the mitigation actions shown, and each "
                        "municipality's actions count up to its own need at most."),
    "act.bridge.excluded": (
        ("{count} kommune kan ikke vurderes og er ikke med i broen: {names}.",
         "{count} kommuner kan ikke vurderes og er ikke med i broen: {names}."),
        ("{count} municipality cannot be assessed and is not in the bridge: {names}.",
         "{count} municipalities cannot be assessed and are not in the bridge: {names}."),
    ),
    "act.none": ("Ingen indsatser passer til filtrene.", "No actions match the filters."),
    "act.col.municipality": ("Kommune", "Municipality"),
    "act.col.start": ("Start", "Start"),
    "act.col.end": ("Slut", "End"),
    "act.detail": ("Indsats: {title}", "Action: {title}"),
    "act.detail.facts": ("{municipality} · {status} · version {version}", "{municipality} · {status} · version {version}"),
    "act.history": ("Historik", "History"),
    "act.history.none": ("Ingen registrerede ændringer.", "No recorded changes."),
    "act.col.when": ("Hvornår", "When"),
    "act.col.who": ("Hvem", "Who"),
    "act.col.field": ("Felt", "Field"),
    "act.col.old": ("Før", "Before"),
    "act.col.new": ("Efter", "After"),
    "act.col.note": ("Note", "Note"),
    "act.edit": ("Ret indsatsen", "Edit the action"),
    "act.save": ("Gem", "Save"),
    "act.saved": ("Gemt (version {version}).", "Saved (version {version})."),
    "act.no_edit": ("Du kan læse indsatsen, men ikke ændre den: {reason}", "You can read the action but not change it: "
                    "{reason}"),
    "act.unknown": ("Indsats {id} findes ikke.", "Action {id} does not exist."),
    "ms.title": ("Milepæle i DK2020-forløbet", "Milestones of the DK2020 process"),
    "ms.overdue": ("Overskredet ({n})", "Overdue ({n})"),
    "ms.due_soon": (
        ("Forfalder inden for {count} dag ({n})", "Forfalder inden for {count} dage ({n})"),
        ("Due within {count} day ({n})", "Due within {count} days ({n})"),
    ),
    "ms.none": ("Ingen.", "None."),
    "ms.per_region": ("Antal pr. region", "Counts per region"),
    "ms.per_municipality": ("Pr. kommune", "Per municipality"),
    "ms.choose": ("Kommune", "Municipality"),
    "ms.choose.placeholder": ("Vælg en kommune", "Choose a municipality"),
    "users.remove.placeholder": ("Vælg en bruger", "Choose a user"),
    "ms.col.region": ("Region", "Region"),
    "ms.edit": ("Opdatér en milepæl", "Update a milestone"),
    "ms.which": ("Milepæl", "Milestone"),
    "ms.done": ("Markér som udført", "Mark as done"),
    "ms.move": ("Flyt fristen", "Move the due date"),
    "ms.saved": ("Gemt.", "Saved."),
    "ms.history": ("Historik for milepælen", "History of the milestone"),
    "users.title": ("Brugere og roller", "Users and roles"),
    "users.intro": ("Redaktører ændrer indsatser og milepæle i deres kommuner eller region; administratorer kan også "
                    "indlæse data, gendanne backups og give roller. Alle andre er læsere.",
                    "Editors change actions and milestones in their municipalities or region; admins can also import "
                    "data, restore backups and grant roles. Everyone else is a viewer."),
    "users.grant": ("Giv eller ændr en rolle", "Grant or change a role"),
    "users.role": ("Rolle", "Role"),
    "users.regions": ("Regioner", "Regions"),
    "users.municipalities": ("Kommuner", "Municipalities"),
    "users.password": ("Adgangskode til lokal konto (tom: uændret / single sign-on)",
                       "Password for a local account (empty: unchanged / single sign-on)"),
    "users.save": ("Gem rolle", "Save role"),
    "users.saved": ("{email} er nu {role}.", "{email} is now {role}."),
    "users.remove": ("Fjern en rolle", "Remove a role"),
    "users.remove.button": ("Fjern rollen", "Remove the role"),
    "users.removed": ("{email} er nu læser.", "{email} is now a viewer."),
    "users.none": ("Ingen brugere har roller endnu.", "No users have roles yet."),
    "users.col.local": ("Lokal adgangskode", "Local password"),
    "users.col.granted_by": ("Givet af", "Granted by"),
    "users.col.granted_at": ("Givet", "Granted"),
    "users.col.identity": ("Bundet til (udbyder · id)", "Bound to (provider · id)"),
    "users.col.bound_at": ("Bundet", "Bound"),
    "users.unbind": ("Nulstil binding til identitetsudbyderen", "Reset the binding to the identity provider"),
    "users.unbind.help": ("En konto bindes til den identitet, der første gang logger ind med kontoens e-mail "
                          "bekræftet; derefter afvises alle andre. Nulstil, når personen har fået en ny identitet: "
                          "næste log ind med bekræftet e-mail binder kontoen igen.",
                          "An account is bound to the identity that first signs in with its e-mail verified; every "
                          "other is refused afterwards. Reset it when the person has a new identity: the next "
                          "sign-in with the e-mail verified binds the account again."),
    "users.unbind.button": ("Nulstil bindingen", "Reset the binding"),
    "users.unbound": ("{email} er ikke længere bundet; næste log ind binder kontoen igen.",
                      "{email} is no longer bound; the next sign-in binds the account again."),
    # PostgreSQL (issue 11)
    "edit.not_stored": (
        "Ikke gemt: databasen kunne ikke nås eller afviste ændringen. Intet er ændret; prøv igen om lidt.",
        "Not saved: the database could not be reached or refused the change. Nothing was changed; try again shortly.",
    ),
}
