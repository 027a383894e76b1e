"""The entities, one class per concept, each with the operations that keep it whole.

Importing this package imports SQLAlchemy; the plain vocabulary (dimensions,
sides, styles) lives in ``reciprocity.vocabulary`` so the CLI can start fast.
"""

from reciprocity.model.audit import Audit, AuditEntry, DimensionRating
from reciprocity.model.base import Base
from reciprocity.model.moment import Moment
from reciprocity.model.person import ME, Person
from reciprocity.model.season import Season

__all__ = ["ME", "Audit", "AuditEntry", "Base", "DimensionRating", "Moment", "Person", "Season"]
