"""A secrets backend that can look a connection up but cannot list them, as Vault or AWS Secrets
Manager behave: the connections are in a JSON file named by $AI_ETL_TEST_SECRETS."""

from __future__ import annotations

import json
import os

from airflow.secrets import BaseSecretsBackend


class LookupOnlySecretsBackend(BaseSecretsBackend):
    def get_conn_value(self, conn_id: str, team_name: str | None = None) -> str | None:
        with open(os.environ["AI_ETL_TEST_SECRETS"], encoding="utf-8") as file:
            return json.load(file).get(conn_id)
