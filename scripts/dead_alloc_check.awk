# Part of scripts/lint.sh: a NULL check of what an x-allocation call
# (xalloc.h) has just returned. Those calls never return NULL, so the
# check is dead code that makes a reader look for a failure that cannot
# happen. Reads C files; prints FILE:LINE: the check.
function quote(s) { gsub(/[][\\.^$*+?(){}|]/, "\\\\&", s); return s }
FNR == 1 { want = ""; left = 0 }
{
	if (left > 0) {
		if ($0 ~ ("if \\( *! *" want " *[)|&]") || $0 ~ ("if \\( *" want " *== *NULL") ||
		    $0 ~ ("\\|\\| *!" want "[^A-Za-z0-9_]")) {
			print FILENAME ":" FNR ":" $0 "  (an x-allocation cannot fail: drop the check)"
			left = 0
		}
		left--
	}
	if ($0 ~ /if \( *!\( *[A-Za-z_*][^=]*= *x(malloc|calloc|realloc|strdup|strndup)\(/) {
		print FILENAME ":" FNR ":" $0 "  (an x-allocation cannot fail: drop the check)"
		next
	}
	if (match($0, /[A-Za-z_][A-Za-z0-9_.>\[\]-]* *= *(\([^)]*\) *)?x(malloc|calloc|realloc|strdup|strndup)\(/)) {
		v = substr($0, RSTART, RLENGTH)
		sub(/ *=.*/, "", v)
		want = quote(v)
		left = 4
	}
}
