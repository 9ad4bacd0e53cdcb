# bash completion for airunner(1): commands, their options, and for `call`
# the method names the running agent advertises (`airunner
# __complete-methods`, which never starts an agent and prints nothing when
# none runs). Installed as share/bash-completion/completions/airunner.

_airunner()
{
	local cur prev cmd i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}

	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "verify classify metrics runs plan fix call serve hooks hook --help --version" -- "$cur"))
		return
	fi
	cmd=${COMP_WORDS[1]}

	case $prev in
	--format)
		COMPREPLY=($(compgen -W "report json sarif gnu" -- "$cur"))
		return ;;
	--tool)
		COMPREPLY=($(compgen -W "tsc eslint gcc clang ld python node jest vitest rustc cargo go javac tailwind" -- "$cur"))
		return ;;
	--socket | --repo)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--timeout | --max-frame)
		return ;;
	esac

	case $cmd in
	verify)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--staged --all --json" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	classify)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--tool --format --json -" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	fix)
		[[ $cur == -* ]] &&
			COMPREPLY=($(compgen -W "--commit --max-cost --json" -- "$cur")) ;;
	runs)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--repo --kind --state --limit --json" -- "$cur"))
		elif [[ $prev == --state ]]; then
			COMPREPLY=($(compgen -W "queued running succeeded failed cancelled interrupted" -- "$cur"))
		elif [[ $prev == --repo ]]; then
			COMPREPLY=($(compgen -d -- "$cur"))
		fi ;;
	metrics)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--since --repo --kind --format --json" -- "$cur"))
		elif [[ $prev == --format ]]; then
			COMPREPLY=($(compgen -W "table json openmetrics" -- "$cur"))
		elif [[ $prev == --repo ]]; then
			COMPREPLY=($(compgen -d -- "$cur"))
		fi ;;
	plan)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--feedback --plan --revision --budget --model --json --socket --stdio" -- "$cur"))
		elif [[ $prev == --feedback || $prev == --plan || $prev == --revision || $prev == --budget || $prev == --model ]]; then
			return
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	call)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--socket --stdio --no-start --timeout" -- "$cur"))
			return
		fi
		# The method is the first word after `call` that is neither an
		# option nor an option's value; complete only that one.
		for ((i = 2; i < COMP_CWORD; i++)); do
			case ${COMP_WORDS[i]} in
			--socket | --timeout) ((i++)) ;;
			-*) ;;
			*) return ;;
			esac
		done
		COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" __complete-methods 2>/dev/null)" -- "$cur")) ;;
	serve)
		COMPREPLY=($(compgen -W "--stdio --socket --max-frame" -- "$cur")) ;;
	hooks)
		if [ "$COMP_CWORD" -eq 2 ]; then
			COMPREPLY=($(compgen -W "install uninstall" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "--repo" -- "$cur"))
		fi ;;
	hook)
		[ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "pre-commit" -- "$cur")) ;;
	esac
}
complete -o default -F _airunner airunner
