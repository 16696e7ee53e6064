# The peer (issue 17, floor 3): the plain Python script a finance officer's
# colleague would write to check a budget file's declared amounts with the
# `decimal` module. Shares by largest remainder at the cent; a line per
# disagreeing amount, as GitHub annotations. Run only where python3 exists.
import json
import resource
import sys
from decimal import Decimal, ROUND_FLOOR

CENT = Decimal('0.01')


def shares(budget, rates):
    exact = [budget * rate / 100 for rate in rates]
    floors = [e.quantize(CENT, rounding=ROUND_FLOOR) for e in exact]
    left = int((budget - sum(floors)) / CENT)
    order = sorted(range(len(rates)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += CENT
    return floors


def main(path):
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    out = []
    failed = 0
    for p in data['partners']:
        budget = Decimal(p['budget'])
        ids, rates, declared = [], [], []
        for source_id, value in p['funding'].items():
            rate = value if isinstance(value, str) else value.get('rate')
            ids.append(source_id)
            rates.append(Decimal(rate.rstrip('%')) if rate and rate != 'rest' else None)
            declared.append(Decimal(value['amount']) if isinstance(value, dict) and 'amount' in value else None)
        if None in rates:
            rest = rates.index(None)
            rates[rest] = 100 - sum(r for r in rates if r is not None)
        computed = shares(budget, rates)
        if sum(d for d in declared if d is not None) != budget and None not in declared:
            failed += 1
            out.append(f'::error title=sum-mismatch::partner "{p["partner"]}": the declared amounts add up to {sum(declared)}, not {budget}\n')
        for i, d in enumerate(declared):
            if d is not None and d != computed[i]:
                out.append(f'::error title=share-mismatch::partner "{p["partner"]}": {ids[i]}: declared {d}, computed {computed[i]}\n')
    out.append(f'checked {len(data["partners"])} partners, {failed} failed\n')
    sys.stdout.write(''.join(out))
    sys.stderr.write(f'\n__RSS_KB__ {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\n')


main(sys.argv[1])
