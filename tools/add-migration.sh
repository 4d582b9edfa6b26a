#!/usr/bin/env bash
# Adds one EF Core migration, named $1, for each provider (SQLite, PostgreSQL, SQL Server), after a model change.
# Usage: bash tools/add-migration.sh AddMentorBio
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?"usage: bash tools/add-migration.sh MigrationName"}

dotnet tool restore >/dev/null
dotnet build PeerMentor.Domain -c Release >/dev/null
for provider in Sqlite Postgres SqlServer; do
  dotnet ef migrations add "$name" --no-build --configuration Release \
    --project PeerMentor.Domain --startup-project PeerMentor.Domain \
    --context "${provider}AppDbContext" --output-dir "Data/Migrations/$provider"
done
echo "Added $name for Sqlite, Postgres and SqlServer. Review the three files; raw SQL (triggers, constraints) is written by hand."
