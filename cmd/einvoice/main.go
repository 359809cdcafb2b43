// Command einvoice reads, completes, converts and wraps EN 16931 electronic
// invoices.
//
//	einvoice convert --to json|cii|ubl [--profile P] [--drop] [-o OUT] IN
//	einvoice create [--profile P] [--drop] [--pdf VISUAL.pdf] [--lang fr|en] -o OUT.pdf IN
//	einvoice extract [-o OUT.xml] IN.pdf
//	einvoice validate [--rules en16931|facturx|fr|choruspro[,...]] [--buyer-requires R] [--json] FILE...
//	einvoice fixtures --count N [--seed S] [--profile P] [--format json|cii|ubl|pdf] [--rules en16931|fr|choruspro] -o DIR
//
// IN is a JSON invoice in the form of the einvoice package, a CII document,
// a UBL Invoice or CreditNote, or a Factur-X PDF, told apart by their
// content; - is standard input. A JSON invoice is completed first (line net
// amounts, VAT breakdown, document totals) with Invoice.Complete; CII and UBL
// documents keep the figures they state.
//
// fixtures writes generated invoices (package einvoicetest) for test
// suites.
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
	"errors"
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
  convert --to json|cii|ubl [--profile P] [--drop] [-o OUT] IN
        write the invoice IN as JSON (completed), CII or UBL
  create [--profile P] [--drop] [--pdf VISUAL.pdf] [--lang fr|en] -o OUT.pdf IN
        write the invoice IN as a Factur-X PDF/A-3B, drawn from the
        invoice or made from the PDF VISUAL.pdf
  extract [-o OUT.xml] IN.pdf
        write the invoice XML embedded in a Factur-X or ZUGFeRD PDF
  validate [--rules en16931|facturx|fr|choruspro[,...]] [--buyer-requires R] [--json] FILE...
        check invoices against the EN 16931, Factur-X, French CIUS or
        Chorus Pro rules
  fixtures --count N [--seed S] [--profile P] [--format json|cii|ubl|pdf] -o DIR
        write N generated valid invoices into DIR
  help [command]
        print this help, or a command's

IN is a JSON invoice, a CII document, a UBL Invoice or CreditNote, or a
Factur-X PDF, told apart by their content; - is standard input. Flags may
come before or after IN.

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
	case "create":
		return create(args[1:], stdin, stdout, stderr)
	case "extract":
		return extract(args[1:], stdin, stdout, stderr)
	case "validate":
		return validateCmd(args[1:], stdin, stdout, stderr)
	case "fixtures":
		return fixturesCmd(args[1:], stdout, stderr)
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
	case args[0] == "create":
		fmt.Fprint(stdout, createUsage)
	case args[0] == "extract":
		fmt.Fprint(stdout, extractUsage)
	case args[0] == "validate":
		fmt.Fprint(stdout, validateUsage)
	case args[0] == "fixtures":
		fmt.Fprint(stdout, fixturesUsage)
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

// parseFlags parses the flags of fs in args (before or after the positional
// arguments) and returns the positional arguments. For -h it prints usage;
// on a usage error it prints the error; in both cases done is true and code
// is the exit status.
func parseFlags(fs *flag.FlagSet, args []string, usage string, stdout, stderr io.Writer) (positional []string, code int, done bool) {
	flags, positional, err := splitArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return nil, exitOK, true
	}
	if err == nil {
		err = fs.Parse(flags)
	}
	if err != nil {
		return nil, usageError(stderr, fs.Name()+": "+err.Error()), true
	}
	return positional, exitOK, false
}

// readArg reads the file named by a command line argument, or standard
// input for -, and returns the name to show in messages with its content.
func readArg(arg string, stdin io.Reader) (name string, data []byte, err error) {
	if arg == "-" {
		data, err = io.ReadAll(stdin)
		return "standard input", data, err
	}
	data, err = os.ReadFile(arg)
	return arg, data, err
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
