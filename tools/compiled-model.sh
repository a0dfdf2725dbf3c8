#!/usr/bin/env bash
# Regenerates the EF Core compiled models of both providers from OnModelCreating:
#   Portal/Data/CompiledModels/Sqlite    (SqlitePortalDbContext)
#   Portal/Data/CompiledModels/Postgres  (PostgresPortalDbContext)
# Run it after any change to the model (OnModelCreating, an entity's properties, a new migration),
# then commit the result: Portal.Tests' CompiledModelTests fails while they differ.
#
# The site is built once without its compiled models (PortalWithoutCompiledModel, they may no
# longer compile after a change of the entities); the design-time factories give the model the
# site's Identity schema (version 3). EF's assembly attribute that would hand the compiled model to
# every context of the type (tests and benches build contexts with version 1) is removed: the site
# uses it explicitly (Portal/Data/CompiledModel.cs).
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
dotnet build Portal -c Debug -p:PortalWithoutCompiledModel=true -p:SkipFrontendBuild=true --nologo -v:q -clp:ErrorsOnly

for provider in Sqlite Postgres; do
    dir="Portal/Data/CompiledModels/$provider"
    rm -rf "$dir"
    dotnet ef dbcontext optimize --no-build --configuration Debug --project Portal \
        --context "${provider}PortalDbContext" \
        --output-dir "Data/CompiledModels/$provider" \
        --namespace "Portal.Data.CompiledModels.$provider" >/dev/null
    rm -f "$dir/${provider}PortalDbContextAssemblyAttributes.cs"
    echo "compiled model: $dir ($(ls "$dir" | wc -l) files)"
done
