"""python -m dk2020dash"""
import sys

from dk2020dash.cli import main

sys.exit(main())
