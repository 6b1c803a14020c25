#!/bin/bash
# Creates the demo "shop" database the compose stack's pg_shop connection points at.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" <<SQL
CREATE USER shop WITH PASSWORD 'shop' REPLICATION;
CREATE DATABASE shop OWNER shop;
SQL
psql -v ON_ERROR_STOP=1 -U shop -d shop -f /shop.sql
