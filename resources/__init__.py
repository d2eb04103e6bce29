"""The app's data files, installed as the package ``mynakiosk_resources``: fonts (with their OFL licence),
practice scenarios and translations (the Qt Linguist ``.ts`` source and the compiled ``.qm`` the app loads).

No code: ``mynakiosk.resources`` finds this folder from the package's ``__path__``.
"""
