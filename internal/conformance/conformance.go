// Package conformance locates the independent judges in ../shared/conformance
// for tests, and decides whether a test that needs them skips or fails.
//
// The directory comes from EINVOICE_CONFORMANCE_DIR, by default
// ../shared/conformance relative to the module root. When the judges are
// missing, tests skip with a clear message, unless EINVOICE_CONFORMANCE=1, in
// which case they fail: CI sets it so that no conformance test can skip.
package conformance

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Required reports whether EINVOICE_CONFORMANCE=1 is set.
func Required() bool { return os.Getenv("EINVOICE_CONFORMANCE") == "1" }

// Dir returns the conformance directory, whether or not it exists.
func Dir() string {
	if d := os.Getenv("EINVOICE_CONFORMANCE_DIR"); d != "" {
		if abs, err := filepath.Abs(d); err == nil {
			return abs
		}
		return d
	}
	return filepath.Join(ModuleRoot(), "..", "shared", "conformance")
}

// ModuleRoot returns the directory holding go.mod.
func ModuleRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Need returns the conformance directory, or skips the test when it is
// missing (fails when Required). Extra paths, relative to the directory, must
// exist too.
func Need(t testing.TB, paths ...string) string {
	t.Helper()
	dir := Dir()
	for _, p := range append([]string{""}, paths...) {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			unavailable(t, "conformance artefact missing: %v", err)
		}
	}
	return dir
}

// NeedTools is Need plus the programs the judges run (java, xmllint, python3).
func NeedTools(t testing.TB, tools ...string) string {
	t.Helper()
	dir := Need(t)
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			unavailable(t, "judge tool %s not on PATH", tool)
		}
	}
	return dir
}

func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	if Required() {
		t.Fatalf("EINVOICE_CONFORMANCE=1 but "+format, args...)
	}
	t.Skipf(format+" (set EINVOICE_CONFORMANCE_DIR, or install the judges; see ../shared/conformance/README.md)", args...)
}

// Verdict is the official judge's verdict on one file.
type Verdict struct {
	Pass     bool
	Findings []string // "[rule-id] flag: message" lines, warnings included
}

// Check runs ../shared/conformance/check with args (such as "--profile",
// "auto") on files, in one call (one JVM for the batch), and returns the
// verdict per file path as given. It skips or fails the test when the judge
// cannot run.
func Check(t testing.TB, args []string, files []string) map[string]Verdict {
	t.Helper()
	dir := NeedTools(t, "java", "xmllint")
	cmd := exec.Command(filepath.Join(dir, "check"), append(append([]string{}, args...), files...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Fatalf("check %v: %v\n%s%s", args, err, out, stderr.String())
		}
	}
	verdicts := make(map[string]Verdict, len(files))
	var current string
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "PASS "), strings.HasPrefix(line, "FAIL "):
			current = strings.TrimSpace(line[5:])
			verdicts[current] = Verdict{Pass: line[0] == 'P'}
		case strings.HasPrefix(line, "  [") && current != "":
			v := verdicts[current]
			v.Findings = append(v.Findings, strings.TrimSpace(line))
			verdicts[current] = v
		}
	}
	for _, f := range files {
		if _, ok := verdicts[f]; !ok {
			t.Fatalf("check gave no verdict for %s:\n%s%s", f, out, stderr.String())
		}
	}
	return verdicts
}
