import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { TravelLicenseStatusDto } from '../../../features/vehicles/api/types';
import { uploadLicensePage } from '../../../features/vehicles/api/upload-license';
import { vehiclesApi } from '../../../features/vehicles/api/vehicles-api';
import { ApiError } from '../../../shared/api/http';
import { useRequest } from '../../../shared/api/use-request';
import { choosePhoto } from '../../../shared/photo/choose-photo';
import { PhotoSlot } from '../../../shared/photo/photo-slot';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

type Side = 'front' | 'back';
const SIDES: { side: Side; title: string; tip: string }[] = [
  { side: 'front', title: '行驶证正页', tip: '带红色印章的一页，四角完整、字迹清晰' },
  { side: 'back', title: '行驶证副页', tip: '有检验记录的一页' },
];

function DeductSelfForm({ carId, onPassed }: { carId: number; onPassed: () => void }) {
  const [driveNum, setDriveNum] = useState('');
  const [fileNum, setFileNum] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await vehiclesApi.deductSelf(
        carId,
        { driveNum: driveNum.trim(), fileNum: fileNum.trim() },
        { silent: true },
      );
      setMessage(result.message);
      if (result.passed) onPassed();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : '网络异常，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="license-card">
      <View className="license-card__title">第一步：自扣分验证</View>
      <View className="license-card__tip">
        扣分违章须由驾驶证本人办理，分值记在本人驾驶证上。信息加密保存，仅用于本次办理。
      </View>
      <View className="license-field">
        <Text className="license-field__label">驾驶证号</Text>
        <Input
          className="license-drive-input"
          type="idcard"
          value={driveNum}
          maxLength={18}
          placeholder="即身份证号"
          onChange={setDriveNum}
        />
      </View>
      <View className="license-field">
        <Text className="license-field__label">档案编号</Text>
        <Input
          className="license-file-input"
          type="number"
          value={fileNum}
          maxLength={12}
          placeholder="驾驶证副页上的 12 位数字"
          onChange={setFileNum}
        />
      </View>
      {message ? <View className="license-card__message">{message}</View> : null}
      <Button className="license-check" type="primary" block loading={busy} onClick={() => void submit()}>
        验证
      </Button>
    </View>
  );
}

function Uploads({
  carId,
  status,
  onStatus,
}: {
  carId: number;
  status: TravelLicenseStatusDto;
  onStatus: (s: TravelLicenseStatusDto) => void;
}) {
  const [previews, setPreviews] = useState<Partial<Record<Side, string>>>({});
  const [progress, setProgress] = useState<Partial<Record<Side, number>>>({});
  const [error, setError] = useState<string | null>(null);
  const upload = async (side: Side) => {
    setError(null);
    let path: string | null;
    try {
      path = await choosePhoto();
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    if (!path) return;
    setPreviews((p) => ({ ...p, [side]: path as string }));
    setProgress((p) => ({ ...p, [side]: 0 }));
    try {
      const next = await uploadLicensePage(carId, side, path, (percent) =>
        setProgress((p) => ({ ...p, [side]: percent })),
      );
      onStatus(next);
      if (next.uploaded) void Taro.showToast({ title: '行驶证已上传', icon: 'success' });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '上传失败，请重试');
      setProgress((p) => ({ ...p, [side]: undefined }));
    }
  };
  return (
    <View className="license-card">
      <View className="license-card__title">第二步：上传行驶证</View>
      {status.uploaded ? (
        <View className="license-card__done">行驶证已提交给服务商，可以选择扣分违章办理了。如需更换可重新上传。</View>
      ) : null}
      <View className="license-slots">
        {SIDES.map(({ side, title, tip }) => {
          const done = status[side] || (status.uploaded && previews[side]);
          return (
            <PhotoSlot
              key={side}
              className={`license-slot license-slot--${side}`}
              src={previews[side]}
              imageClassName="license-slot__image"
              placeholder={<View className="license-slot__empty">+</View>}
              percent={progress[side]}
              onPick={() => void upload(side)}
            >
              <Text className="license-slot__title">{title}</Text>
              <Text className="license-slot__tip">{done ? '已上传' : tip}</Text>
            </PhotoSlot>
          );
        })}
      </View>
      {error ? <View className="license-card__error">{error}</View> : null}
      <View className="license-card__tip">照片会自动压缩到服务商要求的 500KB 以内，并在提交后从本平台删除。</View>
    </View>
  );
}

function License({ carId }: { carId: number }) {
  const car = useRequest(`car-${carId}`, () => vehiclesApi.car(carId));
  const license = useRequest(`license-${carId}`, () => vehiclesApi.licenseStatus(carId));
  const [status, setStatus] = useState<TravelLicenseStatusDto>();
  return (
    <PageState
      data={car.data && license.data ? { car: car.data, license: license.data } : undefined}
      loading={car.loading || license.loading}
      error={car.error ?? license.error}
      reload={() => void car.reload()}
    >
      {({ car: current, license: stored }) => (
        <View className="license-page">
          {current.deductSelfReady ? (
            <View className="license-card license-card--passed">已通过自扣分验证（{current.plateNumber}）</View>
          ) : (
            <DeductSelfForm carId={carId} onPassed={() => void car.reload()} />
          )}
          <Uploads carId={carId} status={status ?? stored} onStatus={setStatus} />
          <View className="license-actions">
            <Button
              className="license-back"
              fill="outline"
              type="primary"
              block
              onClick={() => void Taro.navigateBack()}
            >
              返回违章列表
            </Button>
          </View>
        </View>
      )}
    </PageState>
  );
}

export default function LicensePage() {
  const carId = parseIdParam(useRouter().params.carId);
  if (carId === null) return <EmptyState title="车辆不存在" description="请从车库进入" />;
  return <License carId={carId} />;
}
