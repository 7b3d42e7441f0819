"""Relief Atlas: an offline reference on cannabis criminal-record relief in the US."""

__version__ = "0.1.0"
APP_NAME = "Relief Atlas"
APP_ID = "relief-atlas"
