"""python -m dk2020dash"""
import sys

from .cli import main

sys.exit(main())
