"""clustermatch: interregional cluster-matchmaking REST API."""
