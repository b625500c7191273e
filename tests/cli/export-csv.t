# export --format csv writes a header line
args: export --format csv
out: id,start_time,distance_m,moving_s,elapsed_s,cadence_spm
