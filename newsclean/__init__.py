"""newsclean: clean article text out of scraped news pages (HTML or text scrapes)."""
from .api import clean
from .article import Article
from .errors import InputError, NewscleanError, NothingExtracted, RuleError

__version__ = "0.1.0"
__all__ = ["clean", "Article", "NewscleanError", "InputError", "NothingExtracted", "RuleError",
           "__version__"]
