# The repository stands alone: a clone in an empty folder builds and passes its tests, so no
# tracked file may read or name a folder beside the checkout (the parent's "shared" folder, whose
# name is spelt in two halves here so that this file does not match itself).
set -u
beside="../""shared"
if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
	hits=$(git grep -n -I -F -e "$beside" -- . || true)
else
	# An unpacked archive without .git: every file but what the build and npm write.
	hits=$(grep -rn -I -F --exclude-dir=build --exclude-dir=node_modules --exclude-dir=.git -e "$beside" . || true)
fi
if [ -n "$hits" ]; then
	echo "files that reach outside the repository ($beside):"
	echo "$hits"
	exit 1
fi
echo "no file names $beside"
