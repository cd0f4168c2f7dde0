"""Rules: loading (loader), kinds of clause (one module each), conditions,
named Python checks (checks/) and the compiled runner (runner)."""

from vacaturelint.rules.loader import builtin_rules_path, load_ruleset
from vacaturelint.rules.model import CATEGORIES, Rule, RuleSet

__all__ = ["CATEGORIES", "Rule", "RuleSet", "builtin_rules_path", "load_ruleset"]
