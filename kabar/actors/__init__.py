"""Actor gazetteer: countries, capitals, organisations, roles and people with dated roles.

The dictionaries are TSV files in ``kabar/actors/data`` that a user can read and extend;
:class:`Gazetteer` loads them (plus user files and PETRARCH/TABARI dictionaries) and finds
actor mentions in text::

    gaz = Gazetteer.load()
    gaz.find("Presiden Rusia Vladimir Putin menelepon Netanyahu", on=date(2026, 1, 16))
"""

from ._engine import Gazetteer, fold
from ._model import Actor, GazetteerDataError, Mention
from ._petrarch import read_actors as read_petrarch_actors
from ._petrarch import read_agents as read_petrarch_agents
from ._places import Place, Places

__all__ = [
    "Actor",
    "Gazetteer",
    "GazetteerDataError",
    "Mention",
    "Place",
    "Places",
    "fold",
    "read_petrarch_actors",
    "read_petrarch_agents",
]
