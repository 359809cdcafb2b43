// Command einvoice reads, completes and writes EN 16931 electronic invoices.
//
// This version implements one verb:
//
//	einvoice convert --to json [-o OUT] IN
//
// It reads an invoice in the JSON form of the einvoice package from the file
// IN (or standard input when IN is -), computes its derived figures (line net
// amounts, VAT breakdown, document totals) with Invoice.Complete, and writes
// the completed invoice as indented JSON to OUT (or standard output).
//
// The other verbs of the command line contract (convert to CII or UBL,
// validate, create, extract, fixtures) are listed in the usage as coming and
// exit with status 2 and a "not implemented yet" message; they do nothing.
//
// Flags may come before or after the input argument: "convert IN --to json"
// is the same as "convert --to json IN". An argument "--" ends the flags.
//
// Exit status: 0 on success; 1 when the invoice cannot be completed or the
// output cannot be written; 2 on a usage error, a read error or input that
// cannot be decoded. Errors go to standard error, one line each, prefixed
// with "einvoice: ".
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // the invoice cannot be completed, the output cannot be written
	exitUsage = 2 // usage error, read error, undecodable input
)

const usage = `usage: einvoice <command> [flags] [arguments]

Commands:
  convert --to json [-o OUT] IN
        read a JSON invoice, compute its line amounts, VAT breakdown and
        totals, and write it as JSON to OUT (default: standard output)
  help [command]
        print this help, or a command's

Coming with later versions (they exit with status 2 for now):
  convert --to cii|ubl [--profile P] [-o OUT] IN
  validate [--rules en16931|facturx|fr|choruspro[,...]] [--buyer-requires ...] [--json] FILE...
  create [--profile P] [--pdf VISUAL.pdf] -o OUT.pdf IN
  extract [-o OUT.xml] IN.pdf
  fixtures --count N [--seed S] [--profile P] [--format json|cii|ubl|pdf] -o DIR

IN is a file, or - for standard input. This version reads JSON invoices only;
CII, UBL and Factur-X PDF input come with later versions. Flags may come
before or after IN.

Exit status: 0 on success, 1 when the invoice cannot be completed or the
output cannot be written, 2 on a usage or read error.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command: args are the arguments after the program name.
// It returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return usageError(stderr, "no command given (run 'einvoice help' for usage)")
	}
	switch verb := args[0]; verb {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "help":
		return help(args[1:], stdout, stderr)
	case "convert":
		return convert(args[1:], stdin, stdout, stderr)
	case "validate", "create", "extract", "fixtures":
		return usageError(stderr, verb+" is not implemented yet: this version implements convert --to json only")
	default:
		if strings.HasPrefix(verb, "-") {
			return usageError(stderr, fmt.Sprintf("unknown flag %s: flags come after the command (run 'einvoice help' for usage)", verb))
		}
		return usageError(stderr, fmt.Sprintf("unknown command %q (run 'einvoice help' for usage)", verb))
	}
}

func help(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, usage)
	case len(args) > 1:
		return usageError(stderr, "help takes at most one command")
	case args[0] == "convert":
		fmt.Fprint(stdout, convertUsage)
	case args[0] == "validate", args[0] == "create", args[0] == "extract", args[0] == "fixtures":
		fmt.Fprint(stdout, usage)
	default:
		return usageError(stderr, fmt.Sprintf("unknown command %q (run 'einvoice help' for usage)", args[0]))
	}
	return exitOK
}

// usageError prints a one-line error and returns exitUsage.
func usageError(stderr io.Writer, msg string) int {
	fmt.Fprintln(stderr, "einvoice: "+msg)
	return exitUsage
}

// splitArgs separates the flags of fs (with their values) from the positional
// arguments, so that flags may follow the positional arguments. It needs to
// know the flags to tell a flag's value from a positional argument. It
// returns flag.ErrHelp for -h, -help or --help, and a usage error for an
// unknown flag, a flag given twice, or a missing value.
func splitArgs(fs *flag.FlagSet, args []string) (flags, positional []string, err error) {
	seen := make(map[string]bool)
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if a == "-" || !strings.HasPrefix(a, "-") {
			positional = append(positional, a)
			continue
		}
		spelled, _, hasValue := strings.Cut(a, "=")
		name := strings.TrimPrefix(strings.TrimPrefix(spelled, "-"), "-")
		if name == "h" || name == "help" {
			return nil, nil, flag.ErrHelp
		}
		f := fs.Lookup(name)
		if f == nil {
			return nil, nil, fmt.Errorf("unknown flag %s", spelled)
		}
		if seen[name] {
			return nil, nil, fmt.Errorf("flag %s given twice", spelled)
		}
		seen[name] = true
		flags = append(flags, a)
		if hasValue || isBoolFlag(f) {
			continue
		}
		if i+1 >= len(args) {
			return nil, nil, fmt.Errorf("flag %s needs a value", spelled)
		}
		i++
		flags = append(flags, args[i])
	}
	return flags, positional, nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
