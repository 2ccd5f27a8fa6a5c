import { inspectUpload, makeSpecPhotos } from '../photo.js';
import { required, specOf, vendorRoute, type ZjzRouteContext } from '../route-kit.js';

/** 制作回执照片: one photo per colour of the spec, published, and a `pic_id` to submit them with. */
export function registerPhotoRoutes(context: ZjzRouteContext): void {
  const { host, state } = context;
  host.route(
    'POST',
    '/receipt/make',
    vendorRoute(context, async (form) => {
      const spec = specOf(context, form);
      const upload = await inspectUpload(required(form, 'image'));
      const { byColor } = await makeSpecPhotos(upload, spec);
      const urls: Record<string, string> = {};
      for (const [color, jpeg] of byColor) urls[color] = host.publishFile(jpeg, 'image/jpeg', 'jpg');
      const picId = state.newPicId();
      const primary = byColor.get(spec.colors[0]) as Buffer;
      state.pics.set(picId, { picId, spec, createdAt: state.clock.now(), urls, primary });
      state.stats.picsMade++;
      return { data: { pic_id: picId, list: urls }, code: 0, msg: 'success' };
    }),
  );
}
