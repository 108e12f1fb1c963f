// Package archvariant is a local stand-in for github.com/tonistiigi/go-archvariant
// (not packaged in Debian). It reports the x86-64 micro-architecture level
// (v1..v4) from the CPU flags in /proc/cpuinfo.
package archvariant

import (
	"os"
	"strings"
)

func has(flags map[string]bool, names ...string) bool {
	for _, n := range names {
		if !flags[n] {
			return false
		}
	}
	return true
}

// AMD64Variant returns "v1", "v2", "v3" or "v4".
func AMD64Variant() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "v1"
	}
	flags := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "flags") {
			if i := strings.Index(line, ":"); i >= 0 {
				for _, f := range strings.Fields(line[i+1:]) {
					flags[f] = true
				}
			}
			break
		}
	}
	if !has(flags, "cx16", "lahf_lm", "popcnt", "pni", "sse4_1", "sse4_2", "ssse3") {
		return "v1"
	}
	if !has(flags, "avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave") {
		return "v2"
	}
	if !has(flags, "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl") {
		return "v3"
	}
	return "v4"
}
