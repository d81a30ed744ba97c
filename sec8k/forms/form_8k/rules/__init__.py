"""The rules of Form 8-K, by area: items, cover, signatures, exhibits.

Importing this package registers them (:func:`sec8k.validate.rule`).
"""

from sec8k.forms.form_8k.rules import cover, exhibits, items, signature

__all__ = ["cover", "exhibits", "items", "signature"]
