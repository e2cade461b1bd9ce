"""Two documents side by side: `versions` (what changed between two versions: `recindex
diff`) and `editions` (do two language editions carry the same data: `recindex compare`),
both pairing rows through `match`."""
